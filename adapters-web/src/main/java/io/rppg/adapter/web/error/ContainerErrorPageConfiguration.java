package io.rppg.adapter.web.error;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat answers what it refuses itself in the caller's surface shape ({@link SurfaceErrorReportValve}). */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPageConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> surfaceErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds its error report valve when it starts, unless one of this class is there already.
                host.setErrorReportValveClass(SurfaceErrorReportValve.class.getName());
                host.getPipeline().addValve(new SurfaceErrorReportValve());
            }
        });
    }
}
