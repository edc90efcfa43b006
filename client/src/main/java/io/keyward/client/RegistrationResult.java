package io.keyward.client;

/**
 * A registered account: {@code status} is {@code pending} until its first session completes it;
 * {@code role} is {@code owner} for an org's bootstrap user, else {@code member}.
 */
public record RegistrationResult(String org, String userId, String status, String role) {}
