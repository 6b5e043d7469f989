package org.callbackladder.request;

/**
 * What a patient asked of the practice's contact with them on an intake form (HIPAA 164.522(b)
 * confidential communications): call this number only, texts rather than calls, not during work
 * hours. Null or false where the form did not ask or the patient did not tick it; a form only ever
 * adds a restriction, staff lift one.
 */
public record Restrictions(Boolean thisNumberOnly, Boolean textOnly, Boolean notDuringWorkHours) {}
