package org.callbackladder.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same kind of call from several threads released at one moment, for race tests. */
public final class Concurrently {

  public static <T> List<T> run(int senders, IntFunction<Callable<T>> send) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<T>> results = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        Callable<T> call = send.apply(i);
        results.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> done = new ArrayList<>();
      for (Future<T> result : results) {
        done.add(result.get(60, TimeUnit.SECONDS));
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private Concurrently() {}
}
