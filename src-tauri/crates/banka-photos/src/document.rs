//! Document photos (ID card sides, household register pages, birth certificate, permits):
//! legibility checks measured on a copy at most 1000 px long, so thresholds do not depend on the
//! camera; and the normalising fix (upright, at most 2000 px long, JPEG, no metadata).

use std::borrow::Cow;

use banka_flows::vocabulary::DocumentKind;
use image::RgbImage;

use crate::change::Change;
use crate::decode::Decoded;
use crate::measure::{self, Rect};
use crate::problem::Problem;

/// Measuring size: blur and glare figures are taken at this long side.
const ANALYSIS_SIDE: u32 = 1000;
/// Legible: the long side at least 1000 px and the short one 700 (an ID card across 60% of such
/// a frame still has its smallest characters about 17 px high).
const MIN_LONG_SIDE: u32 = 1000;
const MIN_SHORT_SIDE: u32 = 700;
/// Uploads are brought down to this long side: about 350 dpi across an ID card filling the frame.
pub const STANDARD_SIDE: u32 = 2000;
/// Variance of the Laplacian at the measuring size; print photographed in focus measures 300+.
const MIN_SHARPNESS: f32 = 60.0;
/// A reflection: a blown-out patch (≥ 250) inside the picture covering this share of it.
const GLARE_SHARE: f32 = 0.002;
const MIN_LUMA: f32 = 60.0;
const MAX_LUMA: f32 = 235.0;
/// A copy on white paper: very bright and flat.
const MIN_SPREAD_WHEN_BRIGHT: f32 = 25.0;
/// Colourfulness of the whole picture; a colour photo of any document and desk measures 8+.
const MIN_COLOUR: f32 = 4.0;
/// The document's detail should cover at least this share of the frame.
const MIN_FILL: f32 = 0.2;
/// Cards are landscape; detail this much taller than wide means the picture is on its side.
const SIDEWAYS_RATIO: f32 = 1.15;

pub struct Analysis {
    pub problems: Vec<Problem>,
    /// The reflection, in the upload's pixels.
    pub glare: Option<Rect>,
    /// Where the document seems to be, in the upload's pixels.
    pub document: Option<Rect>,
}

/// Card-shaped documents, which are landscape when upright.
fn is_card(kind: DocumentKind) -> bool {
    use DocumentKind::*;
    matches!(
        kind,
        IdCardFront
            | IdCardBack
            | ProxyIdCardFront
            | ProxyIdCardBack
            | TravelPermitFront
            | TravelPermitBack
            | ResidencePermitFront
            | ResidencePermitBack
    )
}

pub fn analyse(kind: DocumentKind, d: &Decoded) -> Analysis {
    let (w, h) = d.image.dimensions();
    let mut problems = Vec::new();
    if w.max(h) < MIN_LONG_SIDE || w.min(h) < MIN_SHORT_SIDE {
        problems.push(Problem::LowResolution { width: w, height: h });
    }
    let to_frame = (ANALYSIS_SIDE as f32 / w.max(h) as f32).min(1.0);
    let (fw, fh) = (((w as f32 * to_frame).round() as u32).max(1), ((h as f32 * to_frame).round() as u32).max(1));
    let frame = measure::resize(&d.image, fw, fh, false);
    let gray = measure::luma(&frame);
    let whole = Rect::whole(fw, fh);

    let (luma, spread) = measure::mean_and_spread(&gray, whole).unwrap_or((0.0, 0.0));
    if luma < MIN_LUMA {
        problems.push(Problem::TooDark);
    } else if luma > MAX_LUMA && spread < MIN_SPREAD_WHEN_BRIGHT {
        problems.push(Problem::Overexposed);
    }
    if measure::laplacian_variance(&gray, whole) < MIN_SHARPNESS {
        problems.push(Problem::Blurry);
    }
    let glare = measure::largest_bright_blob(&gray, 250).filter(|&(_, share)| share > GLARE_SHARE).map(|(r, _)| r);
    if glare.is_some() {
        problems.push(Problem::Glare);
    }
    if d.grey_source || measure::colourfulness(&frame, whole) < MIN_COLOUR {
        problems.push(Problem::Photocopy);
    }
    let document = measure::detail_box(&gray);
    if let Some(doc) = document {
        if doc.width * doc.height < MIN_FILL * (fw * fh) as f32 {
            problems.push(Problem::DocumentTooSmall);
        }
        if is_card(kind) && doc.height > SIDEWAYS_RATIO * doc.width {
            problems.push(Problem::Sideways);
        }
    }
    let back = 1.0 / to_frame;
    Analysis { problems, glare: glare.map(|r| r.scaled(back)), document: document.map(|r| r.scaled(back)) }
}

/// The upload upright (turned `quarter_turns` more, clockwise, when asked), at most 2000 px
/// long, brightened when too dark; with the changes made.
pub fn render<'a>(d: &'a Decoded, analysis: &Analysis, quarter_turns: u8) -> (Cow<'a, RgbImage>, Vec<Change>) {
    let mut changes = Vec::new();
    // Borrowed until something changes it: a 12 MP copy costs milliseconds for nothing.
    let mut out = match quarter_turns % 4 {
        1 => Cow::Owned(image::imageops::rotate90(&d.image)),
        2 => Cow::Owned(image::imageops::rotate180(&d.image)),
        3 => Cow::Owned(image::imageops::rotate270(&d.image)),
        _ => Cow::Borrowed(&d.image),
    };
    if quarter_turns % 4 != 0 {
        changes.push(Change::Turned { quarter_turns: quarter_turns % 4 });
    }
    let (w, h) = out.dimensions();
    if w.max(h) > STANDARD_SIDE {
        let by = STANDARD_SIDE as f32 / w.max(h) as f32;
        let to = (((w as f32 * by).round() as u32).max(1), ((h as f32 * by).round() as u32).max(1));
        out = Cow::Owned(measure::resize(&out, to.0, to.1, true));
        changes.push(Change::Resized { from: (w, h), to });
    }
    if analysis.problems.contains(&Problem::TooDark) {
        let (w, h) = out.dimensions();
        let luma = measure::mean(&measure::luma(&out), Rect::whole(w, h)).unwrap_or(MIN_LUMA);
        crate::encode::brighten(out.to_mut(), luma);
        changes.push(Change::Brightened);
    }
    (out, changes)
}
