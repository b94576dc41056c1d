package com.onyxos.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** otpauth URIs are encoded as authenticator apps expect, and QR codes decode back to them. */
class EnrollmentArtifactsTest {

    @Test
    void issuerAndAccountArePercentEncodedWithoutPlusSigns() {
        String uri =
                OtpauthUri.totp("Onyx OS & Co", "anna+test@example.com", "JBSWY3DPEHPK3PXP", TotpGenerator.STANDARD);

        assertThat(uri)
                .isEqualTo("otpauth://totp/Onyx%20OS%20%26%20Co:anna%2Btest%40example.com"
                        + "?secret=JBSWY3DPEHPK3PXP&issuer=Onyx%20OS%20%26%20Co&algorithm=SHA1&digits=6&period=30");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/Onyx OS & Co:anna+test@example.com");
    }

    @Test
    void aQrCodePngDecodesBackToItsText() throws Exception {
        String text = "otpauth://totp/OnyxOS:anna%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                + "&issuer=OnyxOS&algorithm=SHA1&digits=6&period=30";

        String dataUri = QrCodes.pngDataUri(text);

        assertThat(dataUri).startsWith("data:image/png;base64,iVBORw0KGgo");
        assertThat(QrCodeReader.decode(dataUri)).isEqualTo(text);
    }
}
