package org.callbackladder.contact;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete method exists. */
public interface PatientContactChangeRepository extends Repository<PatientContactChange, Long> {

  PatientContactChange save(PatientContactChange change);

  List<PatientContactChange> findByPhoneOrderByChangedAtAscIdAsc(String phone);
}
