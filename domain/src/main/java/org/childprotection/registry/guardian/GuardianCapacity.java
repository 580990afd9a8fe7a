package org.childprotection.registry.guardian;

public enum GuardianCapacity { CAPABLE, LIMITED, INCAPABLE }
