package org.childprotection.registry.registration;

public enum Sex { F, M }
