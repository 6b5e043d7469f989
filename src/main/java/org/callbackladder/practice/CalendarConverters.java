package org.callbackladder.practice;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Lets configuration write hours as {@code 08:00-12:00} and yearly holidays as {@code 12-25}. */
@Configuration
public class CalendarConverters {

  @Bean
  @ConfigurationPropertiesBinding
  static Converter<String, TimeRange> timeRangeConverter() {
    return TimeRange::parse;
  }

  @Bean
  @ConfigurationPropertiesBinding
  static Converter<String, MonthDay> monthDayConverter() {
    DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("MM-dd");
    return text -> MonthDay.parse(text.strip(), monthDay);
  }
}
