package io.rppg.adapter.web.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /app} and {@code /app/} open the page; its other files are served as static resources. */
@Configuration(proxyBeanMethods = false)
class ScanPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", ScanPage.PAGE);
        registry.addViewController(ScanPage.PAGE).setViewName("forward:" + ScanPage.PAGE + "index.html");
    }
}
