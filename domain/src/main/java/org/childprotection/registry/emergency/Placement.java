package org.childprotection.registry.emergency;

/** Where a child in temporary care was placed. */
public enum Placement { RELATIVE, VILLAGE_COMMITTEE, RELIEF_STATION, WELFARE_INSTITUTION, SHELTER }
