package io.rppg.archfixture.application.service;

/** Breaks "application uses only domain and JDK": signing, which belongs to the sender adapter, in a use case. */
public class SigningService {

    javax.crypto.Mac mac;
}
