package org.childprotection.registry.visit;

public enum VisitorRole { CHILDREN_DIRECTOR, CASEWORKER, TEACHER, VILLAGE_COMMITTEE, POLICE, OTHER }
