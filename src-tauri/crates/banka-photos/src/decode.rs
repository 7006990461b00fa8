//! Reading an upload safely: the format from its first bytes, dimensions and decoded size checked
//! before any pixel is decoded, memory bounded by `image::Limits`, EXIF orientation applied, and the
//! result as 8-bit RGB (alpha laid on white, 16-bit and CMYK converted).

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use serde::{Deserialize, Serialize};

use crate::problem::Problem;

/// 50 megapixels: any phone's normal mode; a bigger picture is refused before decoding.
pub const MAX_PIXELS: u64 = 50_000_000;
/// What the decoded picture may take, from its header, before any pixel is decoded: a 50 MP
/// 8-bit colour photo (150 MB). A 16-bit or transparent picture that large (a 7000×7000 16-bit
/// PNG is 294–392 MB, and its 8-bit copy more) is refused instead of decoded.
pub const MAX_DECODED_BYTES: u64 = 160 * 1024 * 1024;
/// What decoding may allocate: the decoded picture and the decoder's own buffers.
const MAX_ALLOC: u64 = MAX_DECODED_BYTES + 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Bmp,
    Tiff,
    Gif,
    Heic,
    Avif,
    Pdf,
    Unknown,
}

impl Format {
    /// From the file's first bytes, never its name.
    pub fn sniff(bytes: &[u8]) -> Format {
        // ISO base media files (HEIC from iPhones, AVIF) start with a `ftyp` box and a brand.
        if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
            return match &bytes[8..12] {
                b"avif" | b"avis" => Format::Avif,
                b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" | b"mif1" | b"msf1" => Format::Heic,
                _ => Format::Unknown,
            };
        }
        if bytes.starts_with(b"%PDF") {
            return Format::Pdf;
        }
        match image::guess_format(bytes) {
            Ok(ImageFormat::Jpeg) => Format::Jpeg,
            Ok(ImageFormat::Png) => Format::Png,
            Ok(ImageFormat::WebP) => Format::Webp,
            Ok(ImageFormat::Bmp) => Format::Bmp,
            Ok(ImageFormat::Tiff) => Format::Tiff,
            Ok(ImageFormat::Gif) => Format::Gif,
            Ok(ImageFormat::Avif) => Format::Avif,
            _ => Format::Unknown,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WebP",
            Format::Bmp => "BMP",
            Format::Tiff => "TIFF",
            Format::Gif => "GIF",
            Format::Heic => "HEIC",
            Format::Avif => "AVIF",
            Format::Pdf => "PDF",
            Format::Unknown => "未知/unknown",
        }
    }

    fn image_format(self) -> Option<ImageFormat> {
        match self {
            Format::Jpeg => Some(ImageFormat::Jpeg),
            Format::Png => Some(ImageFormat::Png),
            Format::Webp => Some(ImageFormat::WebP),
            Format::Bmp => Some(ImageFormat::Bmp),
            Format::Tiff => Some(ImageFormat::Tiff),
            _ => None,
        }
    }
}

/// A decoded upload, upright.
pub struct Decoded {
    pub image: RgbImage,
    pub format: Format,
    /// The EXIF orientation that was applied (`NoTransforms` when none).
    pub orientation: Orientation,
    /// The file carried EXIF metadata (camera, time, often the location).
    pub has_exif: bool,
    /// Stored with one grey channel: no colour to find, whatever the pixels say.
    pub grey_source: bool,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let format = Format::sniff(bytes);
    if format == Format::Jpeg && !jpeg_complete(bytes) {
        return Err(Problem::Unreadable);
    }
    let Some(image_format) = format.image_format() else {
        return Err(match format {
            Format::Unknown => Problem::Unreadable,
            other => Problem::UnsupportedFormat { format: other },
        });
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(u16::MAX as u32);
    limits.max_image_height = Some(u16::MAX as u32);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| refusal(&e))?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(Problem::Unreadable);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(Problem::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let has_exif = decoder.exif_metadata().ok().flatten().is_some_and(|e| !e.is_empty());
    let grey_source = !decoder.color_type().has_color();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| refusal(&e))?;
    image.apply_orientation(orientation);
    Ok(Decoded { image: to_rgb(image), format, orientation, has_exif, grey_source })
}

/// A JPEG cut short (an interrupted copy or download) still decodes, grey below the cut; it has
/// no end-of-image marker after its last scan. Scan data never holds an unescaped 0xFF marker,
/// so the last of the two markers, found from the end, must be the end of image.
fn jpeg_complete(bytes: &[u8]) -> bool {
    bytes.windows(2).rev().find(|w| w[0] == 0xFF && (w[1] == 0xD9 || w[1] == 0xDA)) == Some(&[0xFF, 0xD9][..])
}

fn refusal(e: &image::ImageError) -> Problem {
    match e {
        image::ImageError::Limits(_) => Problem::TooManyPixels,
        _ => Problem::Unreadable,
    }
}

/// 8-bit RGB; transparency is laid on white, as a printed photo would be.
fn to_rgb(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(p[3]);
        for c in 0..3 {
            o[c] = ((u16::from(p[c]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    out
}
