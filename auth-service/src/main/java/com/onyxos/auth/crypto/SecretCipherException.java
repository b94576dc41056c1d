package com.onyxos.auth.crypto;

/** A value could not be encrypted or decrypted; the message names the place, never the value or key. */
public class SecretCipherException extends RuntimeException {

    public SecretCipherException(String message) {
        super(message);
    }
}
