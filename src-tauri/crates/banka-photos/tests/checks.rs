//! Every problem code, triggered by a picture made for it, and the good pictures that trigger
//! none. Portraits come from tests/images (see scripts/gen-test-photos.py for their source and
//! licence); documents are drawn here.

use std::io::Cursor;

use banka_flows::vocabulary::DocumentKind::{self, *};
use banka_photos::{check, fix, FixOptions, Report, DEFAULT_CHILD_PHOTO};
use image::{imageops, DynamicImage, GrayImage, ImageFormat, Rgb, RgbImage};

const OK: &[u8] = include_bytes!("images/portrait-ok.jpg");
const BACKDROP: &[u8] = include_bytes!("images/portrait-backdrop.jpg");
const PHONE: &[u8] = include_bytes!("images/portrait-phone.jpg");
const CMYK: &[u8] = include_bytes!("images/portrait-cmyk.jpg");

fn codes(r: &Report) -> Vec<&'static str> {
    r.problems.iter().map(|p| p.code()).collect()
}

fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92).encode_image(img).unwrap();
        }
        _ => img.write_to(&mut out, format).unwrap(),
    }
    out.into_inner()
}

fn jpeg(img: &RgbImage) -> Vec<u8> {
    encode(img, ImageFormat::Jpeg)
}

fn portrait() -> RgbImage {
    image::load_from_memory(OK).unwrap().to_rgb8()
}

fn white(w: u32, h: u32) -> RgbImage {
    RgbImage::from_pixel(w, h, Rgb([255, 255, 255]))
}

/// `img` moved by (dx, dy) on white, same size.
fn shifted(img: &RgbImage, dx: i64, dy: i64) -> RgbImage {
    let mut out = white(img.width(), img.height());
    imageops::replace(&mut out, img, dx, dy);
    out
}

fn map(img: &RgbImage, f: impl Fn([u8; 3]) -> [u8; 3]) -> RgbImage {
    let mut out = img.clone();
    out.pixels_mut().for_each(|p| p.0 = f(p.0));
    out
}

/// Asserts the report has `code` and, when `fixed_clears`, that the fix takes it away.
fn has(kind: DocumentKind, bytes: &[u8], code: &str, fixed_clears: bool) -> Report {
    let r = check(kind, bytes);
    assert!(codes(&r).contains(&code), "expected {code}, got {:?}", codes(&r));
    assert!(!r.ok);
    let p = r.problems.iter().find(|p| p.code() == code).unwrap();
    let message = p.message();
    assert!(!message.zh.is_empty() && !message.en.is_empty());
    assert_eq!(p.fixable(), fixed_clears, "{code} fixable");
    if fixed_clears {
        let fixed = fix(kind, bytes, FixOptions::default()).expect("readable");
        assert!(!codes(&fixed.report).contains(&code), "the fix left {code}: {:?}", codes(&fixed.report));
    }
    r
}

// ---- card photo -------------------------------------------------------------------------

#[test]
fn good_card_photos_have_no_problem() {
    for (name, bytes) in [("portrait-ok", OK), ("cmyk", CMYK), ("default cartoon", DEFAULT_CHILD_PHOTO)] {
        let r = check(CardPhoto, bytes);
        assert!(r.ok, "{name}: {:?}", codes(&r));
        assert_eq!((r.width, r.height), (358, 441));
        let face = r.marks.face.expect("a face box");
        assert!((179.0..=255.0).contains(&face.width), "{name} face {face:?}");
    }
}

#[test]
fn a_phone_photo_is_turned_cropped_stripped_and_then_passes() {
    let before = check(CardPhoto, PHONE);
    assert_eq!((before.width, before.height), (1360, 1680), "EXIF orientation 6 applied");
    assert!(codes(&before).contains(&"wrong_dimensions"));
    let fixed = fix(CardPhoto, PHONE, FixOptions::default()).unwrap();
    assert!(fixed.report.ok, "{:?}", codes(&fixed.report));
    let made: Vec<_> = fixed.changes.iter().map(|c| c.code()).collect();
    for change in ["rotated", "cropped_to_face", "resized", "metadata_removed", "encoded"] {
        assert!(made.contains(&change), "{change} in {made:?}");
    }
    let has = |needle: &[u8]| fixed.bytes.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"Exif") && !has(b"BankaTestCam"), "no metadata left");
    assert!(fixed.bytes.len() as u64 >= banka_photos::spec::MIN_BYTES);
    // Fixing a fixed photo changes nothing that matters: it stays ok.
    assert!(fix(CardPhoto, &fixed.bytes, FixOptions::default()).unwrap().report.ok);
}

#[test]
fn unreadable_and_unsupported_files() {
    has(CardPhoto, b"not a picture at all", "unreadable", false);
    has(CardPhoto, &OK[..OK.len() / 3], "unreadable", false);
    let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    heic.resize(30_000, 0);
    let r = has(CardPhoto, &heic, "unsupported_format", false);
    assert!(r.problems[0].message().en.contains("HEIC"));
    has(IdCardFront, b"%PDF-1.7\n...", "unsupported_format", false);
    assert!(fix(CardPhoto, b"junk", FixOptions::default()).is_err());
}

#[test]
fn wrong_format_is_converted() {
    let png = encode(&portrait(), ImageFormat::Png);
    has(CardPhoto, &png, "wrong_format", true);
    let fixed = fix(CardPhoto, &png, FixOptions::default()).unwrap();
    assert!(fixed.report.ok, "{:?}", codes(&fixed.report));
    assert_eq!(fixed.report.format, banka_photos::Format::Jpeg);
}

#[test]
fn byte_size_window() {
    let mut small = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut small, 15).encode_image(&portrait()).unwrap();
    assert!(small.len() < 20 * 1024);
    has(CardPhoto, &small, "file_too_small", true);
    // Over 8.75 MB: the same photo carrying 9 MB of comment segments.
    let mut big = OK[..2].to_vec();
    let comment = [&[0xFF, 0xFE, 0xFF, 0xFF][..], &[b'x'; 65533][..]].concat();
    for _ in 0..145 {
        big.extend_from_slice(&comment);
    }
    big.extend_from_slice(&OK[2..]);
    has(CardPhoto, &big, "file_too_large", true);
}

#[test]
fn wrong_dimensions_are_resized() {
    let big = imageops::resize(&portrait(), 716, 882, imageops::FilterType::Lanczos3);
    has(CardPhoto, &jpeg(&big), "wrong_dimensions", true);
}

#[test]
fn grayscale() {
    let grey = DynamicImage::ImageLuma8(imageops::grayscale(&portrait()));
    has(CardPhoto, &jpeg(&grey.to_rgb8()), "grayscale", false);
    let mut one_channel = Vec::new();
    grey.write_to(&mut Cursor::new(&mut one_channel), ImageFormat::Jpeg).unwrap();
    has(CardPhoto, &one_channel, "grayscale", false);
}

#[test]
fn too_dark_is_brightened() {
    let dark = map(&portrait(), |p| p.map(|c| (f32::from(c) * 0.3) as u8));
    has(CardPhoto, &jpeg(&dark), "too_dark", true);
}

#[test]
fn glare_on_the_face_is_overexposed() {
    let mut img = portrait();
    let face = check(CardPhoto, OK).marks.face.unwrap();
    for y in (face.y as u32 + 10)..(face.y as u32 + 60) {
        for x in (face.x as u32 + 50)..(face.x as u32 + 150) {
            img.put_pixel(x, y, Rgb([255, 255, 255]));
        }
    }
    has(CardPhoto, &jpeg(&img), "overexposed", false);
}

#[test]
fn blurry() {
    has(CardPhoto, &jpeg(&imageops::blur(&portrait(), 3.0)), "blurry", false);
}

#[test]
fn background_not_plain_white() {
    has(CardPhoto, BACKDROP, "background_not_plain", false);
    let blue = map(&portrait(), |p| if p.iter().all(|&c| c > 245) { [190, 215, 250] } else { p });
    has(CardPhoto, &jpeg(&blue), "background_not_plain", false);
    // The fix crops and resizes but cannot whiten a wall.
    let fixed = fix(CardPhoto, BACKDROP, FixOptions::default()).unwrap();
    assert_eq!(codes(&fixed.report), ["background_not_plain"]);
}

#[test]
fn no_face_and_several_faces() {
    let gradient = RgbImage::from_fn(358, 441, |x, y| Rgb([(x / 2) as u8, (y / 2) as u8, 200]));
    has(CardPhoto, &jpeg(&gradient), "no_face", false);
    let p = portrait();
    let mut two = white(716, 441);
    imageops::replace(&mut two, &p, 0, 0);
    imageops::replace(&mut two, &p, 358, 0);
    let r = has(CardPhoto, &jpeg(&two), "several_faces", false);
    assert!(r.problems.contains(&banka_photos::Problem::SeveralFaces { count: 2 }));
}

#[test]
fn face_too_small_is_cropped_closer() {
    let small = imageops::resize(&portrait(), 215, 265, imageops::FilterType::Lanczos3);
    let mut framed = white(358, 441);
    imageops::replace(&mut framed, &small, 72, 60);
    has(CardPhoto, &jpeg(&framed), "face_too_small", true);
    let fixed = fix(CardPhoto, &jpeg(&framed), FixOptions::default()).unwrap();
    assert!(fixed.report.ok, "{:?}", codes(&fixed.report));
}

#[test]
fn face_too_large() {
    let p = portrait();
    let big = imageops::resize(&p, 537, 662, imageops::FilterType::Lanczos3);
    let centre = imageops::crop_imm(&big, 90, 40, 358, 441).to_image();
    has(CardPhoto, &jpeg(&centre), "face_too_large", true);
}

#[test]
fn face_off_centre_is_recentred() {
    has(CardPhoto, &jpeg(&shifted(&portrait(), 45, 0)), "face_off_centre", true);
    has(CardPhoto, &jpeg(&shifted(&portrait(), 0, 40)), "face_off_centre", true);
}

#[test]
fn head_cut_off() {
    has(CardPhoto, &jpeg(&shifted(&portrait(), 0, -40)), "head_cut_off", false);
}

// ---- documents --------------------------------------------------------------------------

/// A card on a wooden desk, photographed from close: a tinted card with lines of dark "text"
/// and a photo block, on brown with grain. Deterministic.
fn id_card_photo() -> RgbImage {
    let (w, h) = (2000u32, 1500u32);
    let mut seed = 0x2545F491u32;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let mut img = RgbImage::from_fn(w, h, |_, y| Rgb([120, 84 + (y % 7) as u8, 50]));
    let (cx, cy, cw, ch) = (200u32, 180u32, 1600u32, 1010u32);
    for y in cy..cy + ch {
        for x in cx..cx + cw {
            let t = (x - cx) as f32 / cw as f32;
            img.put_pixel(x, y, Rgb([(200.0 + 30.0 * t) as u8, 215, (235.0 - 20.0 * t) as u8]));
        }
    }
    for line in 0..8u32 {
        let y0 = cy + 120 + line * 100;
        let mut x = cx + 100;
        while x < cx + 1000 {
            let glyph = 20 + rand() % 30;
            for y in y0..y0 + 40 {
                for gx in x..x + glyph {
                    if rand() % 3 != 0 {
                        img.put_pixel(gx, y, Rgb([30, 30, 40]));
                    }
                }
            }
            x += glyph + 12;
        }
    }
    for y in cy + 150..cy + 750 {
        for x in cx + 1150..cx + 1500 {
            let v = 90 + ((x / 9 + y / 13) % 60) as u8;
            img.put_pixel(x, y, Rgb([v + 40, v + 10, v]));
        }
    }
    for p in img.pixels_mut() {
        let n = (rand() % 9) as i16 - 4;
        p.0 = p.0.map(|c| (i16::from(c) + n).clamp(0, 255) as u8);
    }
    img
}

#[test]
fn a_good_document_photo_has_no_problem() {
    for kind in [IdCardFront, IdCardBack, HukouMainPage, BirthCertificate] {
        let r = check(kind, &jpeg(&id_card_photo()));
        assert!(r.ok, "{kind:?}: {:?}", codes(&r));
        let doc = r.marks.document.expect("the document is found");
        assert!(doc.width > 1200.0 && doc.height > 800.0, "{doc:?}");
    }
    assert!(check(IdCardFront, &encode(&id_card_photo(), ImageFormat::Png)).ok, "PNG is accepted");
}

#[test]
fn document_low_resolution() {
    let small = imageops::resize(&id_card_photo(), 640, 480, imageops::FilterType::Lanczos3);
    has(IdCardFront, &jpeg(&small), "low_resolution", false);
}

#[test]
fn document_blurry() {
    let soft = imageops::blur(&imageops::resize(&id_card_photo(), 1000, 750, imageops::FilterType::Triangle), 2.5);
    let soft = imageops::resize(&soft, 2000, 1500, imageops::FilterType::Triangle);
    has(IdCardFront, &jpeg(&soft), "blurry", false);
}

#[test]
fn document_glare_is_marked() {
    let mut img = id_card_photo();
    for y in 500..700u32 {
        for x in 600..900u32 {
            if (x as f32 - 750.0).powi(2) / 150f32.powi(2) + (y as f32 - 600.0).powi(2) / 100f32.powi(2) < 1.0 {
                img.put_pixel(x, y, Rgb([255, 255, 255]));
            }
        }
    }
    let r = has(IdCardFront, &jpeg(&img), "glare", false);
    let g = r.marks.glare.expect("where the glare is");
    assert!((g.x - 600.0).abs() < 20.0 && (g.y - 500.0).abs() < 20.0, "{g:?}");
}

#[test]
fn document_too_dark_and_overexposed() {
    let dark = map(&id_card_photo(), |p| p.map(|c| c / 5));
    has(HukouMainPage, &jpeg(&dark), "too_dark", true);
    let washed = map(&id_card_photo(), |p| p.map(|c| 240 + c / 17));
    has(HukouMainPage, &jpeg(&washed), "overexposed", false);
}

#[test]
fn document_photocopy() {
    let grey = DynamicImage::ImageLuma8(imageops::grayscale(&id_card_photo())).to_rgb8();
    has(IdCardBack, &jpeg(&grey), "photocopy", false);
    let mut one_channel = Vec::new();
    GrayImage::from(imageops::grayscale(&id_card_photo()))
        .write_to(&mut Cursor::new(&mut one_channel), ImageFormat::Png)
        .unwrap();
    has(IdCardBack, &one_channel, "photocopy", false);
}

#[test]
fn document_too_small_in_the_frame() {
    let card = imageops::resize(&id_card_photo(), 600, 450, imageops::FilterType::Lanczos3);
    let mut desk = RgbImage::from_pixel(2000, 1500, Rgb([120, 88, 50]));
    imageops::replace(&mut desk, &card, 700, 500);
    has(IdCardFront, &jpeg(&desk), "document_too_small", false);
}

#[test]
fn a_card_on_its_side_is_turned_on_request() {
    let sideways = jpeg(&imageops::rotate90(&id_card_photo()));
    let r = check(IdCardFront, &sideways);
    let problem = r.problems.iter().find(|p| p.code() == "sideways").expect("sideways");
    assert!(problem.fixable(), "fixable by turning");
    // The fix turns only as far as the person asks: a quarter turn back upright.
    let fixed = fix(IdCardFront, &sideways, FixOptions { quarter_turns: 3 }).unwrap();
    assert!(fixed.report.ok, "{:?}", codes(&fixed.report));
    assert_eq!((fixed.report.width, fixed.report.height), (2000, 1500));
    // Paper documents may be upright either way.
    assert!(!codes(&check(HukouMainPage, &sideways)).contains(&"sideways"));
}

#[test]
fn documents_in_other_formats_are_converted_and_oversized_ones_shrunk() {
    let bmp = encode(&id_card_photo(), ImageFormat::Bmp);
    assert!(bmp.len() as u64 > banka_photos::MAX_DOCUMENT_BYTES / 2);
    has(IdCardFront, &bmp, "wrong_format", true);
    // A 3000×2250 PNG of the card with heavy grain: over 10 MB.
    let mut big = imageops::resize(&id_card_photo(), 3000, 2250, imageops::FilterType::Triangle);
    let mut n = 1u32;
    for p in big.pixels_mut() {
        n = n.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        p.0 = p.0.map(|c| c.saturating_add((n >> 27) as u8));
    }
    let png = encode(&big, ImageFormat::Png);
    assert!(png.len() as u64 > banka_photos::MAX_DOCUMENT_BYTES);
    has(IdCardFront, &png, "file_too_large", true);
    let fixed = fix(IdCardFront, &png, FixOptions::default()).unwrap();
    assert_eq!(fixed.report.width.max(fixed.report.height), 2000);
}

// ---- hostile input ----------------------------------------------------------------------

#[test]
fn huge_dimensions_are_refused_before_decoding() {
    // A BMP header claiming 60000×60000 pixels (10.8 GB of RGB) and almost no data.
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&1000u32.to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&60000i32.to_le_bytes());
    bmp.extend_from_slice(&60000i32.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.resize(1000, 0);
    has(IdCardFront, &bmp, "too_many_pixels", false);
    // A real decompression bomb: 8000×8000 of one grey in a PNG of a few hundred KB.
    let bomb = GrayImage::from_pixel(8000, 8000, image::Luma([200]));
    let mut png = Vec::new();
    bomb.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
    assert!(png.len() < 1_000_000);
    has(CardPhoto, &png, "too_many_pixels", false);
    // The tester's picture: 7000×7000 16-bit RGBA (49 MP, under the pixel limit, but 392 MB
    // decoded), refused from its header: only the header and a scrap of data are given.
    let deep = png_header(7000, 7000, 16, 6);
    has(CardPhoto, &deep, "too_many_pixels", false);
    has(IdCardFront, &deep, "too_many_pixels", false);
    // The same size in 8-bit grey (49 MB decoded) is within the budget: read, then judged.
    assert!(!codes(&check(IdCardFront, &png_header(7000, 7000, 8, 0))).contains(&"too_many_pixels"));
}

/// A PNG that is only its header (IHDR with these dimensions, depth and colour type) and the
/// start of an image data chunk: what a decoder sees before it decodes any pixel.
fn png_header(width: u32, height: u32, depth: u8, colour: u8) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut c = !0u32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let sum = crc(&out[start..]);
        out.extend_from_slice(&sum.to_be_bytes());
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &[0x78, 0x9C, 0x01, 0x00, 0x00]);
    png
}

#[test]
fn sixteen_bit_and_transparent_pictures_are_read() {
    let p = portrait();
    let deep = image::ImageBuffer::<Rgb<u16>, _>::from_fn(358, 441, |x, y| {
        Rgb(p.get_pixel(x, y).0.map(|c| u16::from(c) * 257))
    });
    let mut png = Vec::new();
    DynamicImage::ImageRgb16(deep).write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
    let r = check(CardPhoto, &png);
    assert_eq!(codes(&r), ["wrong_format"], "read correctly, only the format is wrong");
    // Transparent pixels are laid on white: a cut-out portrait on a transparent background.
    let rgba = image::RgbaImage::from_fn(358, 441, |x, y| {
        let px = p.get_pixel(x, y).0;
        let clear = px.iter().all(|&c| c > 245);
        image::Rgba([if clear { 0 } else { px[0] }, px[1], px[2], if clear { 0 } else { 255 }])
    });
    let mut png = Vec::new();
    rgba.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
    assert_eq!(codes(&check(CardPhoto, &png)), ["wrong_format"]);
}
