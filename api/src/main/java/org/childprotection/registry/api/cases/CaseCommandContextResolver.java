package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.security.RegistryUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Supplies a {@link CaseCommandContext} to any controller method that declares one, so that an endpoint names
 * only its path, its body and its command. The path variables are those of the mapping ({@code caseId},
 * {@code referralId}, {@code interventionId}), decoded as for {@code @PathVariable}.
 */
@Configuration(proxyBeanMethods = false)
public class CaseCommandContextResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CaseCommandContext.class;
    }

    @Override
    public CaseCommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                              NativeWebRequest request, WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Map<String, String> variables = path == null ? Map.of() : path;
        return new CaseCommandContext(user(),
                new CaseTarget(variables.get("caseId"), variables.get("referralId"), variables.get("interventionId")),
                request.getHeader(HttpHeaders.IF_MATCH));
    }

    /** As {@code @AuthenticationPrincipal}: security has already refused every request without a registry user. */
    private static RegistryUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RegistryUser user)) {
            throw new IllegalStateException("a case command reached its endpoint without a registry user");
        }
        return user;
    }
}
