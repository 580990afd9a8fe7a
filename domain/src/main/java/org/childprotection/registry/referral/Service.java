package org.childprotection.registry.referral;

public enum Service { EDUCATION, HEALTH, PSYCHOSOCIAL, LEGAL_AID, SOCIAL_ASSISTANCE, POLICE, OTHER }
