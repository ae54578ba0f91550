package io.rppg.archfixture.application.service;

/** Breaks "application uses only domain and JDK": a JPA type in a use case. */
public class PersistingService {

    jakarta.persistence.EntityManager entityManager;
}
