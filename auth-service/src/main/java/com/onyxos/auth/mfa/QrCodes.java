package com.onyxos.auth.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders text as a QR code PNG, returned as a {@code data:image/png;base64,...} URI a browser shows directly. */
public final class QrCodes {

    private static final int SIZE = 256;
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private QrCodes() {}

    /** A PNG data URI of the QR code of {@code text} (error correction M, quiet zone of 2 modules). */
    public static String pngDataUri(String text) {
        BitMatrix matrix = encode(text);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static BitMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION,
                ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET,
                StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN,
                2);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE, hints);
        } catch (WriterException e) {
            // Only text too long for any QR version gets here; the message names no content.
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }
}
