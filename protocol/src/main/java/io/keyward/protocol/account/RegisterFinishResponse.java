package io.keyward.protocol.account;

/** 201: the account exists and stays {@code pending} until its first session completes it. */
public record RegisterFinishResponse(String userId, String status, String role) {}
