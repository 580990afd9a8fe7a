package org.childprotection.registry.contact;

public enum ContactChannel { PHONE, VIDEO, IN_PERSON, MESSAGE }
