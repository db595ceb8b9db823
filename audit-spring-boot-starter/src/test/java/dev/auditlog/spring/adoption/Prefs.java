package dev.auditlog.spring.adoption;

record Prefs(String pin, String theme) {
}
