package org.childprotection.registry.registration;

public record Parent(ParentStatus status, String workLocation) {
}
