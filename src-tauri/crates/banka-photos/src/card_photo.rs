//! The card photo (制卡照片): checks against SPEC §3 / GA 461 and the fix that crops around the
//! face to the spec's layout. Everything is measured in the "spec frame": the picture scaled to
//! 358 px wide, so the spec's pixel figures apply whatever size the upload is.

use image::{GrayImage, RgbImage};

use crate::change::Change;
use crate::decode::Decoded;
use crate::face;
use crate::measure::{self, Rect};
use crate::problem::{spec, Problem};

/// Calibrated on SeetaFace's boxes (tests/images/portrait-ok.jpg): the box spans brows to
/// mouth-chin, the eyes sit 0.32 of its height below its top, and the top of the hair is about
/// 0.52 of its height above it.
const EYES_BELOW_BOX_TOP: f32 = 0.32;
const HAIR_ABOVE_BOX_TOP: f32 = 0.52;
/// Where the fix puts the top of the hair: the middle of the spec's 7–21 px.
const HAIR_TOP_TARGET: f32 = 14.0;
/// How far the face's middle may stray from the photo's middle (5% of the width).
const CENTRE_TOLERANCE: f32 = 18.0;
/// Below this the face is too dark; above it, or with more than `MAX_CLIPPED` blown out, too
/// bright. Skin in good light measures 120–200.
const MIN_FACE_LUMA: f32 = 80.0;
const MAX_FACE_LUMA: f32 = 225.0;
const MAX_CLIPPED: f32 = 0.03;
/// Variance of the Laplacian over the face in the spec frame; a sharp face measures 150+.
const MIN_SHARPNESS: f32 = 40.0;
/// Colourfulness over the face; skin measures 15+, a grey photo under 2.
const MIN_COLOUR: f32 = 5.0;
/// A plain white background: most of the edge light, and that light part even and without
/// colour (tint: the mean spread between a pixel's channels; light blue measures 40+).
const MIN_BACKGROUND_LUMA: f32 = 210.0;
const MIN_BACKGROUND_SHARE: f32 = 0.8;
const MAX_BACKGROUND_SPREAD: f32 = 15.0;
const MAX_BACKGROUND_TINT: f32 = 20.0;
/// A pixel this far from the background's brightness belongs to the head.
const HEAD_CONTRAST: f32 = 40.0;

/// What the checks found, in the upload's own pixels where it is a place.
pub struct Analysis {
    pub problems: Vec<Problem>,
    pub face: Option<Rect>,
    /// Where the fix crops (may reach past the picture's edge).
    pub crop: Option<Rect>,
}

pub fn analyse(d: &Decoded) -> Analysis {
    let (w, h) = d.image.dimensions();
    let to_frame = spec::WIDTH as f32 / w as f32;
    let frame_h = ((h as f32 * to_frame).round() as u32).max(1);
    let frame = measure::resize(&d.image, spec::WIDTH, frame_h, false);
    let gray = measure::luma(&frame);
    let faces = face::detect(&gray);
    let face = faces.first().copied();
    let mut problems = Vec::new();
    match faces.len() {
        0 => problems.push(Problem::NoFace),
        1 => {}
        count => problems.push(Problem::SeveralFaces { count }),
    }

    // Brows to nose, temple to temple (the middle of the detector's box, whose corners take in
    // background beside the jaw and the head), or without a face the middle of the picture:
    // what must be seen well.
    let subject = face
        .map(|f| Rect { x: f.x + 0.15 * f.width, width: 0.7 * f.width, height: 0.6 * f.height, ..f })
        .unwrap_or(Rect {
            x: spec::WIDTH as f32 / 4.0,
            y: frame_h as f32 / 4.0,
            width: spec::WIDTH as f32 / 2.0,
            height: frame_h as f32 / 2.0,
        });
    if d.grey_source || measure::colourfulness(&frame, subject) < MIN_COLOUR {
        problems.push(Problem::Grayscale);
    }
    let luma = measure::mean(&gray, subject).unwrap_or(0.0);
    if luma < MIN_FACE_LUMA {
        problems.push(Problem::TooDark);
    } else if luma > MAX_FACE_LUMA || measure::share_at_least(&gray, subject, 250) > MAX_CLIPPED {
        problems.push(Problem::Overexposed);
    }
    if measure::laplacian_variance(&gray, subject) < MIN_SHARPNESS {
        problems.push(Problem::Blurry);
    }

    let eye_line = face.map_or(frame_h as f32 / 2.0, |f| f.y + EYES_BELOW_BOX_TOP * f.height);
    let background = plain_background(&frame, &gray, face.map_or(frame_h as f32 / 3.0, |f| f.y));
    if background.is_none() {
        problems.push(Problem::BackgroundNotPlain);
    }
    let hair_top = face.zip(background).and_then(|(f, bg)| hair_top(&gray, f, bg));
    if let Some(f) = face {
        if f.width < spec::MIN_FACE_WIDTH {
            problems.push(Problem::FaceTooSmall);
        } else if f.width > spec::MAX_FACE_WIDTH {
            problems.push(Problem::FaceTooLarge);
        }
        let cut_off =
            f.x < 0.0 || f.x + f.width > spec::WIDTH as f32 || f.y + f.height > frame_h as f32 || hair_top == Some(0);
        let off_centre = (f.centre_x() - spec::WIDTH as f32 / 2.0).abs() > CENTRE_TOLERANCE
            || frame_h as f32 - eye_line < spec::EYE_LINE_FROM_BOTTOM
            || hair_top.is_some_and(|t| t != 0 && !(spec::HAIR_TOP_MIN..=spec::HAIR_TOP_MAX).contains(&t));
        if cut_off {
            problems.push(Problem::HeadCutOff);
        } else if off_centre {
            problems.push(Problem::FaceOffCentre);
        }
    }
    let crop = face.map(|f| {
        let hair = hair_top.map_or(f.y - HAIR_ABOVE_BOX_TOP * f.height, |t| t as f32);
        layout(f, hair).scaled(1.0 / to_frame)
    });
    Analysis { problems, face: face.map(|f| f.scaled(1.0 / to_frame)), crop }
}

/// The crop that puts `face` 207 px wide in the middle and the hair's top 14 px down.
fn layout(face: Rect, hair_top: f32) -> Rect {
    let per_px = face.width / spec::FACE_WIDTH;
    let (width, height) = (spec::WIDTH as f32 * per_px, spec::HEIGHT as f32 * per_px);
    Rect { x: face.centre_x() - width / 2.0, y: hair_top - HAIR_TOP_TARGET * per_px, width, height }
}

/// The background's brightness when the top corners and the edges down to the brows are
/// plain white: mostly light (stray hair may reach in), and the light part even and without
/// colour. `None` otherwise.
fn plain_background(frame: &RgbImage, gray: &GrayImage, brows: f32) -> Option<f32> {
    let (w, corner, strip) = (frame.width() as f32, frame.width() as f32 * 0.15, frame.width() as f32 * 0.04);
    let regions = [
        Rect { x: 0.0, y: 0.0, width: corner, height: corner },
        Rect { x: w - corner, y: 0.0, width: corner, height: corner },
        Rect { x: 0.0, y: 0.0, width: strip, height: brows },
        Rect { x: w - strip, y: 0.0, width: strip, height: brows },
    ];
    let (mut total, mut light, mut sum, mut sum2, mut tint) = (0u32, 0u32, 0f64, 0f64, 0f64);
    for (x, y) in regions.iter().flat_map(|r| r.pixels(frame.width(), frame.height())) {
        total += 1;
        let l = f64::from(gray[(x, y)][0]);
        if l >= f64::from(MIN_BACKGROUND_LUMA) {
            let [r, g, b] = frame[(x, y)].0.map(i32::from);
            light += 1;
            sum += l;
            sum2 += l * l;
            tint += f64::from(r.max(g).max(b) - r.min(g).min(b));
        }
    }
    if total == 0 || (light as f32) < MIN_BACKGROUND_SHARE * total as f32 {
        return None;
    }
    let n = f64::from(light);
    let (mean, spread) = (sum / n, (sum2 / n - (sum / n).powi(2)).max(0.0).sqrt());
    (spread <= f64::from(MAX_BACKGROUND_SPREAD) && tint / n <= f64::from(MAX_BACKGROUND_TINT)).then_some(mean as f32)
}

/// The first row, from the top, where the head stands out from the background above the face.
fn hair_top(gray: &GrayImage, face: Rect, background: f32) -> Option<u32> {
    let x0 = face.x.max(0.0) as u32;
    let x1 = ((face.x + face.width) as u32).min(gray.width());
    let needed = ((x1.saturating_sub(x0)) as f32 * 0.08).max(1.0) as usize;
    (0..face.y.max(0.0) as u32).find(|&y| {
        (x0..x1).filter(|&x| (f32::from(gray[(x, y)][0]) - background).abs() > HEAD_CONTRAST).count() >= needed
    })
}

/// The upload cropped and scaled to 358×441 around the face, brightened when dark; with the
/// changes made. One correction pass moves the crop by the hair line measured in the result.
pub fn render(d: &Decoded, analysis: &Analysis) -> (RgbImage, Vec<Change>) {
    let (w, h) = d.image.dimensions();
    let several = analysis.problems.iter().any(|p| matches!(p, Problem::SeveralFaces { .. }));
    let face = analysis.face.filter(|_| !several);
    let (mut crop, mut changes) = match (face, analysis.crop) {
        (Some(_), Some(c)) => (c, vec![Change::CroppedToFace]),
        _ => (middle(w, h), vec![Change::CroppedToShape]),
    };
    let mut out = crop_to_spec(&d.image, crop);
    // The face where the crop put it, to check the hair line and to judge brightness by.
    let face_in = |crop: Rect| {
        face.map(|f| {
            let per_px = crop.width / spec::WIDTH as f32;
            Rect {
                x: (f.x - crop.x) / per_px,
                y: (f.y - crop.y) / per_px,
                width: f.width / per_px,
                height: f.height / per_px,
            }
        })
    };
    if let Some(face) = face_in(crop) {
        let gray = measure::luma(&out);
        if let Some(t) = plain_background(&out, &gray, face.y).and_then(|bg| hair_top(&gray, face, bg)) {
            if t > 0 && (t as f32 - HAIR_TOP_TARGET).abs() > 2.0 {
                crop.y += (t as f32 - HAIR_TOP_TARGET) * crop.width / spec::WIDTH as f32;
                out = crop_to_spec(&d.image, crop);
            }
        }
    }
    if crop.x < 0.0 || crop.y < 0.0 || crop.x + crop.width > w as f32 || crop.y + crop.height > h as f32 {
        changes.push(Change::Padded);
    }
    if (w, h) != (spec::WIDTH, spec::HEIGHT) {
        changes.push(Change::Resized { from: (w, h), to: (spec::WIDTH, spec::HEIGHT) });
    }
    if analysis.problems.contains(&Problem::TooDark) {
        let subject = face_in(crop).unwrap_or(middle(spec::WIDTH, spec::HEIGHT));
        let luma = measure::mean(&measure::luma(&out), subject).unwrap_or(MIN_FACE_LUMA);
        crate::encode::brighten(&mut out, luma);
        changes.push(Change::Brightened);
    }
    (out, changes)
}

/// The largest 358:441 rectangle in the middle of a `w`×`h` picture.
fn middle(w: u32, h: u32) -> Rect {
    let (w, h) = (w as f32, h as f32);
    let aspect = spec::WIDTH as f32 / spec::HEIGHT as f32;
    let (cw, ch) = if w / h > aspect { (h * aspect, h) } else { (w, w / aspect) };
    Rect { x: (w - cw) / 2.0, y: (h - ch) / 2.0, width: cw, height: ch }
}

/// `crop` of `image` scaled to 358×441 with Lanczos3; where `crop` leaves the picture, white.
fn crop_to_spec(image: &RgbImage, crop: Rect) -> RgbImage {
    use fast_image_resize::{self as fr, FilterType, ResizeAlg, ResizeOptions};
    let (w, h) = (image.width() as f32, image.height() as f32);
    // The part of the crop inside the picture (a hair short of its edge: the resizer checks
    // `left + width <= width` in f64), and where it lands in the output.
    let (x0, y0) = (crop.x.max(0.0), crop.y.max(0.0));
    let inside = Rect {
        x: x0,
        y: y0,
        width: (crop.x + crop.width).min(w) - x0 - 1e-3,
        height: (crop.y + crop.height).min(h) - y0 - 1e-3,
    };
    let per_px = spec::WIDTH as f32 / crop.width;
    let mut out = RgbImage::from_pixel(spec::WIDTH, spec::HEIGHT, image::Rgb([255, 255, 255]));
    if inside.width <= 0.0 || inside.height <= 0.0 {
        return out;
    }
    let ox = ((inside.x - crop.x) * per_px).round() as u32;
    let oy = ((inside.y - crop.y) * per_px).round() as u32;
    let ow = ((inside.width * per_px).round() as u32).clamp(1, spec::WIDTH - ox.min(spec::WIDTH - 1));
    let oh = ((inside.height * per_px).round() as u32).clamp(1, spec::HEIGHT - oy.min(spec::HEIGHT - 1));
    let mut part = RgbImage::new(ow, oh);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)).crop(
        f64::from(inside.x),
        f64::from(inside.y),
        f64::from(inside.width),
        f64::from(inside.height),
    );
    fr::Resizer::new().resize(image, &mut part, &options).expect("RGB8 to RGB8 of non-zero size");
    image::imageops::replace(&mut out, &part, i64::from(ox), i64::from(oy));
    out
}
