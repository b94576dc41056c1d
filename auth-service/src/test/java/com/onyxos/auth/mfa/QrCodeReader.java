package com.onyxos.auth.mfa;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Test helper: reads the text back out of a {@code data:image/png;base64,...} QR code with ZXing core. */
public final class QrCodeReader {

    private static final String PREFIX = "data:image/png;base64,";

    private QrCodeReader() {}

    /** The text the QR code in the PNG data URI encodes. */
    public static String decode(String dataUri) throws Exception {
        if (!dataUri.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PNG data URI");
        }
        byte[] png = Base64.getDecoder().decode(dataUri.substring(PREFIX.length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
