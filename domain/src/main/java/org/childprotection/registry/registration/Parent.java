package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.PersonalData;

public record Parent(ParentStatus status, @PersonalData String workLocation) {
}
