package org.childprotection.registry.closure;

public enum ClosureReason { PARENTS_RETURNED, CHILD_JOINED_PARENTS, AGED_OUT, DECEASED, REGISTERED_IN_ERROR, OTHER }
