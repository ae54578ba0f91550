package io.rppg.archfixture.domain;

/** Breaks "domain uses only the JDK": a framework annotation in the model. */
@org.springframework.stereotype.Service
public class LeakyDomainService {
}
