//! Finding faces offline with SeetaFace's frontal detector (rustface). The model ships in
//! `assets/` (BSD-2, `assets/LICENSE-SeetaFace.txt`) and is compiled into the binary.

use std::sync::OnceLock;

use image::GrayImage;

use crate::measure::Rect;

static MODEL_BYTES: &[u8] = include_bytes!("../assets/seeta_fd_frontal_v1.0.bin");

/// Detections below this score are noise (rustface's own examples use 2.0; real faces score 10+).
const MIN_SCORE: f64 = 2.0;
/// A face far smaller than the largest is a passer-by or a false match, not a second applicant.
const SMALLEST_SHARE: f32 = 0.4;

fn model() -> &'static rustface::Model {
    static MODEL: OnceLock<rustface::Model> = OnceLock::new();
    MODEL.get_or_init(|| rustface::read_model(MODEL_BYTES).expect("the embedded SeetaFace model reads"))
}

/// The frontal faces in `gray`, largest first. The detector's window is 40 px, so faces under
/// about 40 px are not found: callers size the picture for the faces they care about.
pub fn detect(gray: &GrayImage) -> Vec<Rect> {
    if gray.width() < 40 || gray.height() < 40 {
        return Vec::new();
    }
    let mut detector = rustface::create_detector_with_model(model().clone());
    detector.set_min_face_size(40);
    detector.set_score_thresh(MIN_SCORE);
    detector.set_pyramid_scale_factor(0.8);
    detector.set_slide_window_step(4, 4);
    let found = detector.detect(&rustface::ImageData::new(gray.as_raw(), gray.width(), gray.height()));
    let mut faces: Vec<Rect> = found
        .iter()
        .map(|f| {
            let b = f.bbox();
            Rect { x: b.x() as f32, y: b.y() as f32, width: b.width() as f32, height: b.height() as f32 }
        })
        .collect();
    faces.sort_by(|a, b| b.width.total_cmp(&a.width));
    if let Some(largest) = faces.first().map(|f| f.width) {
        faces.retain(|f| f.width >= largest * SMALLEST_SHARE);
    }
    faces
}
