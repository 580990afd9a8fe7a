package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import org.childprotection.registry.api.security.RegistryUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Registers a child; the case refuses a village outside the user's jurisdiction (403, {@code jurisdiction}). */
@RestController
public class CaseRegistrationController {

    private final CaseCommandSender sender;

    public CaseRegistrationController(CaseCommandSender sender) {
        this.sender = sender;
    }

    @PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // as ResponseEntity.created below; this is what the document shows
    ResponseEntity<CommandAnswer> register(@Valid @RequestBody RegistrationRequest body,
                                           @AuthenticationPrincipal RegistryUser user) {
        String caseId = UUID.randomUUID().toString();
        long version = sender.register(user, body.toCommand(caseId), body.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(new CommandAnswer(caseId, version));
    }
}
