package org.childprotection.registry.guardian;

/** A caregiver's or guardian's relationship to the child. */
public enum Relationship { GRANDPARENT, SIBLING, OTHER_RELATIVE, FAMILY_FRIEND, NEIGHBOUR, OTHER }
