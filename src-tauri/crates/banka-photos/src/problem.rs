//! What can be wrong with an upload, each worded once here in Chinese and English, saying what
//! to do about it; and whether Banka's one-click fix can put it right.

use banka_rules::Localized;
use serde::{Deserialize, Serialize};

use crate::decode::Format;

/// The card photo's spec (SPEC §3, GA 461 / 社会保障卡制证用数字相片技术要求).
pub mod spec {
    pub const WIDTH: u32 = 358;
    pub const HEIGHT: u32 = 441;
    pub const MIN_BYTES: u64 = 20 * 1024;
    /// 8.75 MB, counted in binary megabytes as the portal does.
    pub const MAX_BYTES: u64 = 35 * 1024 * 1024 / 4;
    pub const FACE_WIDTH: f32 = 207.0;
    pub const MIN_FACE_WIDTH: f32 = 179.0;
    pub const MAX_FACE_WIDTH: f32 = 255.0;
    pub const HAIR_TOP_MIN: u32 = 7;
    pub const HAIR_TOP_MAX: u32 = 21;
    /// The eye line at least this far above the bottom edge.
    pub const EYE_LINE_FROM_BOTTOM: f32 = 207.0;
}

/// A document upload's limit (the agency's); the store itself takes up to 30 MB.
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// As the case store and bundles keep it: its code and its data (`{"code": "wrong_dimensions",
/// "width": 716, "height": 882}`), never its words, which `message` gives when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// Not a picture, or a damaged one.
    Unreadable,
    /// A picture Banka cannot read (HEIC, PDF, GIF…).
    UnsupportedFormat {
        format: Format,
    },
    /// Readable, but not the format the agency takes (the card photo must be JPEG).
    WrongFormat {
        format: Format,
    },
    /// Over `decode::MAX_PIXELS`, or more memory than decoding may take.
    TooManyPixels,
    FileTooSmall {
        bytes: u64,
    },
    FileTooLarge {
        bytes: u64,
    },
    WrongDimensions {
        width: u32,
        height: u32,
    },
    Grayscale,
    TooDark,
    Overexposed,
    Glare,
    Blurry,
    BackgroundNotPlain,
    NoFace,
    SeveralFaces {
        count: usize,
    },
    FaceTooSmall,
    FaceTooLarge,
    FaceOffCentre,
    HeadCutOff,
    LowResolution {
        width: u32,
        height: u32,
    },
    Photocopy,
    DocumentTooSmall,
    Sideways,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            Unreadable => "unreadable",
            UnsupportedFormat { .. } => "unsupported_format",
            WrongFormat { .. } => "wrong_format",
            TooManyPixels => "too_many_pixels",
            FileTooSmall { .. } => "file_too_small",
            FileTooLarge { .. } => "file_too_large",
            WrongDimensions { .. } => "wrong_dimensions",
            Grayscale => "grayscale",
            TooDark => "too_dark",
            Overexposed => "overexposed",
            Glare => "glare",
            Blurry => "blurry",
            BackgroundNotPlain => "background_not_plain",
            NoFace => "no_face",
            SeveralFaces { .. } => "several_faces",
            FaceTooSmall => "face_too_small",
            FaceTooLarge => "face_too_large",
            FaceOffCentre => "face_off_centre",
            HeadCutOff => "head_cut_off",
            LowResolution { .. } => "low_resolution",
            Photocopy => "photocopy",
            DocumentTooSmall => "document_too_small",
            Sideways => "sideways",
        }
    }

    /// Whether `fix` puts it right (the rest need a new photo).
    pub fn fixable(&self) -> bool {
        use Problem::*;
        matches!(
            self,
            WrongFormat { .. }
                | FileTooSmall { .. }
                | FileTooLarge { .. }
                | WrongDimensions { .. }
                | TooDark
                | FaceTooSmall
                | FaceTooLarge
                | FaceOffCentre
                | Sideways
        )
    }

    /// Whether the agency would refuse the upload for it (the card photo's format, size and
    /// bytes, seeds 001/002/003 "大小为20KB-8.75M以内，尺寸为358*441"; no single face; a document
    /// too small to read). The rest are advisory: shown, and the picture may be used anyway.
    pub fn blocks(&self) -> bool {
        use Problem::*;
        match self {
            Unreadable
            | UnsupportedFormat { .. }
            | WrongFormat { .. }
            | TooManyPixels
            | FileTooSmall { .. }
            | FileTooLarge { .. }
            | WrongDimensions { .. }
            | NoFace
            | SeveralFaces { .. }
            | LowResolution { .. } => true,
            TooDark | Overexposed | Glare | Blurry | BackgroundNotPlain | FaceTooSmall | FaceTooLarge
            | FaceOffCentre | HeadCutOff | Grayscale | Photocopy | DocumentTooSmall | Sideways => false,
        }
    }

    /// What is wrong and what to do, in Chinese and in English.
    pub fn message(&self) -> Localized {
        use Problem::*;
        let (w, h) = (spec::WIDTH, spec::HEIGHT);
        let (zh, en): (String, String) = match self {
            Unreadable => (
                "无法读取这个文件：它不是图片，或已损坏。请重新拍照或选择另一个 JPEG 文件。".into(),
                "This file cannot be read: it is not a picture, or it is damaged. Take the photo again or choose another JPEG file.".into(),
            ),
            UnsupportedFormat { format: f } => (
                format!("无法读取 {} 格式。请在手机相机设置中选择“兼容性最佳”，或将照片导出为 JPEG 后再上传。", f.name()),
                format!("{} files cannot be read. Set your phone camera to \"Most compatible\", or export the photo as JPEG, then upload it again.", f.name()),
            ),
            WrongFormat { format: f } => (
                format!("照片须为 JPEG 格式，这个文件是 {}。点“一键修正”即可转换。", f.name()),
                format!("The photo must be a JPEG; this file is {}. Use “Fix” to convert it.", f.name()),
            ),
            TooManyPixels => (
                "图片太大，无法安全处理（上限为 5000 万像素的普通彩色照片）。请用手机的普通拍照模式重新拍摄，或另存为 JPEG。".into(),
                "The picture is too large to handle safely (the limit is an ordinary 50-megapixel colour photo). Take it again in the camera's normal mode, or save it as JPEG.".into(),
            ),
            FileTooSmall { bytes } => (
                format!("文件只有 {} KB，制卡照片须在 20 KB 至 8.75 MB 之间。点“一键修正”重新保存。", bytes / 1024),
                format!("The file is only {} KB; a card photo must be between 20 KB and 8.75 MB. Use “Fix” to save it again.", bytes / 1024),
            ),
            FileTooLarge { bytes } => (
                format!("文件有 {:.1} MB，超过上限。点“一键修正”压缩。", *bytes as f64 / 1_048_576.0),
                format!("The file is {:.1} MB, over the limit. Use “Fix” to make it smaller.", *bytes as f64 / 1_048_576.0),
            ),
            WrongDimensions { width, height } => (
                format!("照片尺寸是 {width}×{height} 像素，须为 {w}×{h} 像素。点“一键修正”按人脸位置裁剪。"),
                format!("The photo is {width}×{height} pixels; it must be {w}×{h}. Use “Fix” to crop it around the face."),
            ),
            Grayscale => (
                "照片是黑白的，须为彩色照片。请用彩色照片重新上传。".into(),
                "The photo is black and white; it must be in colour. Upload a colour photo.".into(),
            ),
            TooDark => (
                "照片太暗，看不清。请在光线充足处重新拍摄，或点“一键修正”调亮。".into(),
                "The photo is too dark to see clearly. Take it again in good light, or use “Fix” to brighten it.".into(),
            ),
            Overexposed => (
                "照片过亮或脸上有反光。请避开直射光和闪光灯重新拍摄。".into(),
                "The photo is too bright or there is glare on the face. Take it again away from direct light, without flash.".into(),
            ),
            Glare => (
                "证件上有反光，部分文字可能看不清。请调整角度、关闭闪光灯后重新拍摄。".into(),
                "There is glare on the document and some text may be unreadable. Change the angle, turn off the flash and take it again.".into(),
            ),
            Blurry => (
                "照片模糊。请拿稳手机、对好焦后重新拍摄。".into(),
                "The photo is blurry. Hold the phone steady, let it focus, and take it again.".into(),
            ),
            BackgroundNotPlain => (
                "背景须为纯白色。请站在白墙前重新拍摄。".into(),
                "The background must be plain white. Stand in front of a white wall and take the photo again.".into(),
            ),
            NoFace => (
                "没有找到正脸。请正对镜头，免冠，脸部无遮挡，脸约占照片宽度的六成。".into(),
                "No face was found. Face the camera, bareheaded and unobstructed, with the face about 60% of the photo's width.".into(),
            ),
            SeveralFaces { count } => (
                format!("照片中有 {count} 张脸，须只有申请人一人。请单独拍摄。"),
                format!("There are {count} faces in the photo; only the applicant may be in it. Take a photo of the applicant alone."),
            ),
            FaceTooSmall => (
                "脸部太小（离镜头太远）。点“一键修正”放大裁剪，或靠近一些重新拍摄。".into(),
                "The face is too small (too far from the camera). Use “Fix” to crop closer, or take it again from nearer.".into(),
            ),
            FaceTooLarge => (
                "脸部太大（离镜头太近）。点“一键修正”重新裁剪，或退后一些重新拍摄。".into(),
                "The face is too large (too close to the camera). Use “Fix” to crop again, or take it again from further away.".into(),
            ),
            FaceOffCentre => (
                "头部不在正中：须左右居中，头顶距上边 7–21 像素，眼睛在照片上半部。点“一键修正”重新裁剪。".into(),
                "The head is not centred: it must be centred left to right, with the top of the hair 7–21 pixels below the top edge and the eyes in the upper half. Use “Fix” to crop again.".into(),
            ),
            HeadCutOff => (
                "头部被裁掉了一部分。请重新拍摄，头顶和双肩都要在照片里。".into(),
                "Part of the head is cut off. Take the photo again with the whole head and the shoulders in the picture.".into(),
            ),
            LowResolution { width, height } => (
                format!("图片只有 {width}×{height} 像素，文字可能看不清。请用手机原图，或靠近一些重新拍摄。"),
                format!("The picture is only {width}×{height} pixels, too small to read. Upload the phone's original photo, or take it again from closer."),
            ),
            Photocopy => (
                "这像是黑白复印件，须上传原件的彩色照片。".into(),
                "This looks like a black-and-white photocopy; upload a colour photo of the original.".into(),
            ),
            DocumentTooSmall => (
                "证件在画面中太小。请靠近一些，让证件占满大部分画面。".into(),
                "The document is too small in the picture. Move closer so that it fills most of the frame.".into(),
            ),
            Sideways => (
                "证件是横放的，照片看起来转了 90 度。点“向左转”或“向右转”把它摆正。".into(),
                "The picture seems turned by 90 degrees. Use “Rotate left” or “Rotate right” to turn it upright.".into(),
            ),
        };
        Localized::new(zh, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every problem, with whether the agency refuses it.
    fn every() -> Vec<(Problem, bool)> {
        use Problem::*;
        vec![
            (Unreadable, true),
            (UnsupportedFormat { format: Format::Heic }, true),
            (WrongFormat { format: Format::Png }, true),
            (TooManyPixels, true),
            (FileTooSmall { bytes: 10_000 }, true),
            (FileTooLarge { bytes: 10_000_000 }, true),
            (WrongDimensions { width: 716, height: 882 }, true),
            (NoFace, true),
            (SeveralFaces { count: 2 }, true),
            (LowResolution { width: 640, height: 480 }, true),
            (Grayscale, false),
            (TooDark, false),
            (Overexposed, false),
            (Glare, false),
            (Blurry, false),
            (BackgroundNotPlain, false),
            (FaceTooSmall, false),
            (FaceTooLarge, false),
            (FaceOffCentre, false),
            (HeadCutOff, false),
            (Photocopy, false),
            (DocumentTooSmall, false),
            (Sideways, false),
        ]
    }

    #[test]
    fn what_the_agency_refuses_blocks_and_the_rest_is_advisory() {
        let every = every();
        let mut codes: Vec<_> = every.iter().map(|(p, _)| p.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 23, "every problem once");
        for (problem, blocks) in every {
            assert_eq!(problem.blocks(), blocks, "{}", problem.code());
        }
    }

    #[test]
    fn a_problem_is_kept_as_its_code_and_data() {
        for (problem, _) in every() {
            let kept = serde_json::to_value(&problem).unwrap();
            assert_eq!(kept["code"], problem.code(), "the kept code is the code the UI and the engine know");
            assert!(kept.get("message").is_none(), "no words kept");
            assert_eq!(serde_json::from_value::<Problem>(kept).unwrap(), problem);
        }
        let kept = serde_json::to_value(Problem::WrongDimensions { width: 716, height: 882 }).unwrap();
        assert_eq!(kept, serde_json::json!({"code": "wrong_dimensions", "width": 716, "height": 882}));
    }
}
