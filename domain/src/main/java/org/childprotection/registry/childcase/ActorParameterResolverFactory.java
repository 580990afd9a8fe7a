package org.childprotection.registry.childcase;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.CaseMetadata;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets a command handler take an {@link Actor} parameter, read from the message metadata that the API fills
 * from authentication. Found by Axon through {@code META-INF/services}, in the application and in test fixtures.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return Actor.of((String) message.getMetaData().get(CaseMetadata.ACTOR),
                        (String) message.getMetaData().get(CaseMetadata.ROLE),
                        message.getMetaData().get(CaseMetadata.JURISDICTIONS));
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
