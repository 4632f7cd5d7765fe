package se.breachflow.workflow;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the controllers as they are now into a start form as it is served: Tasklist fetches a start form's
 * schema from {@code GET .../process-definition/{id}/deployed-start-form} (the webapps' engine API, or engine REST)
 * and loads no variables for it, so the report form's and the supplier form's list of nämnder and bolag must be in
 * the schema itself. Done here, on the response, rather than by deploying the forms again, so that a controller an
 * administrator adds is in the form at the next opening on every node, and the process gets no new version
 * (docs/adr/0020). Only successful responses whose form has a {@code controllerId} list change.
 */
@Configuration
class StartFormControllers {

  static final String START_FORM = "/deployed-start-form";

  @Bean
  FilterRegistrationBean<Filter> startFormControllerOptions(FormOptions options,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(options));
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setName("start-form-controllers");
    // Inside the authentication and allow lists: only a response the user may see is rewritten.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final FormOptions options;

    Filter(FormOptions options) {
      this.options = options;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith(START_FORM);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, buffered);
      if (buffered.getStatus() == HttpServletResponse.SC_OK && buffered.getContentSize() > 0) {
        byte[] form = buffered.getContentAsByteArray();
        byte[] served = withControllers(form);
        if (served != form) {
          buffered.resetBuffer();
          buffered.getOutputStream().write(served);
        }
      }
      buffered.copyBodyToResponse();
    }

    /** The form with the controllers; the same bytes for anything that is not a form with a list of them. */
    private byte[] withControllers(byte[] form) {
      try {
        return options.withControllers(form);
      } catch (RuntimeException notAForm) {
        return form;
      }
    }
  }
}
