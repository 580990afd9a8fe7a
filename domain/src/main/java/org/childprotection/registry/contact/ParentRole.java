package org.childprotection.registry.contact;

public enum ParentRole { MOTHER, FATHER }
