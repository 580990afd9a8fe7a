package org.childprotection.registry.registration;

public enum ParentStatus { MIGRATED, AT_HOME, INCAPABLE, DECEASED, UNKNOWN }
