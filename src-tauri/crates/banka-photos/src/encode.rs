//! Writing a fixed picture: JPEG without any metadata (the encoder writes none), at a quality
//! that lands inside the size window, and brightening by a gamma curve.

use image::codecs::jpeg::JpegEncoder;
use image::RgbImage;

/// Lifts a dark picture so that the part measured at `luma` comes to a comfortable 140.
pub fn brighten(image: &mut RgbImage, luma: f32) {
    let luma = luma.clamp(1.0, 254.0) / 255.0;
    let gamma = (140.0f32 / 255.0).ln() / luma.ln();
    let curve: Vec<u8> = (0..=255u16).map(|v| ((f32::from(v) / 255.0).powf(gamma) * 255.0).round() as u8).collect();
    for p in image.pixels_mut() {
        p.0 = p.0.map(|c| curve[usize::from(c)]);
    }
}

/// The picture as a JPEG between `min_bytes` and `max_bytes` when some quality gets it there:
/// quality 90, raised while too small, lowered while too large. Returns the bytes and quality.
pub fn jpeg(image: &RgbImage, min_bytes: u64, max_bytes: u64) -> (Vec<u8>, u8) {
    let encode = |quality: u8| {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).expect("encoding RGB8 to memory");
        (out, quality)
    };
    let first = encode(90);
    let size = first.0.len() as u64;
    let (mut best, next): (_, &[u8]) = if size < min_bytes {
        (first, &[95, 100])
    } else if size > max_bytes {
        (first, &[80, 70, 60, 50])
    } else {
        return first;
    };
    for &quality in next {
        best = encode(quality);
        let size = best.0.len() as u64;
        if (min_bytes..=max_bytes).contains(&size) {
            break;
        }
    }
    best
}
