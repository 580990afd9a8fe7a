package org.childprotection.registry.registration;

/** Household registration; only children with a rural one are left-behind children in the sense of the guideline. */
public enum Hukou { RURAL, URBAN }
