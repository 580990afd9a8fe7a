package org.childprotection.registry.registration;

public enum ReportSource { SCHOOL, VILLAGE_COMMITTEE, POLICE, HEALTH_FACILITY, FAMILY, SELF, COMMUNITY, OTHER }
