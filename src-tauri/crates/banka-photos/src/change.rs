//! What a fix did to a picture, worded once here in Chinese and English.

use banka_rules::Localized;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::decode::Format;

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Turned upright as the camera's EXIF orientation said.
    Rotated,
    /// Turned by the user's request, in quarter turns clockwise.
    Turned {
        quarter_turns: u8,
    },
    /// Cropped around the face to the card photo's geometry.
    CroppedToFace,
    /// No single face to centre on: cropped in the middle to the card photo's proportions.
    CroppedToShape,
    /// The crop reached past the picture's edge and was filled with white.
    Padded,
    Resized {
        from: (u32, u32),
        to: (u32, u32),
    },
    Brightened,
    Converted {
        from: Format,
    },
    /// EXIF and any other metadata (camera, time, location) left out.
    MetadataRemoved,
    Encoded {
        quality: u8,
        bytes: u64,
    },
}

impl Change {
    pub fn code(&self) -> &'static str {
        match self {
            Change::Rotated => "rotated",
            Change::Turned { .. } => "turned",
            Change::CroppedToFace => "cropped_to_face",
            Change::CroppedToShape => "cropped_to_shape",
            Change::Padded => "padded",
            Change::Resized { .. } => "resized",
            Change::Brightened => "brightened",
            Change::Converted { .. } => "converted",
            Change::MetadataRemoved => "metadata_removed",
            Change::Encoded { .. } => "encoded",
        }
    }

    pub fn message(&self) -> Localized {
        let (zh, en): (String, String) = match self {
            Change::Rotated => ("按相机记录的方向把照片转正。".into(), "Turned upright as the camera recorded.".into()),
            Change::Turned { quarter_turns } => (
                format!("按你的要求顺时针旋转了 {} 度。", u32::from(*quarter_turns) * 90),
                format!("Rotated {} degrees clockwise, as you asked.", u32::from(*quarter_turns) * 90),
            ),
            Change::CroppedToFace => (
                "以人脸为中心按制卡照片要求裁剪（脸宽约 207 像素，头顶距上边约 14 像素）。".into(),
                "Cropped around the face to the card photo's layout (face about 207 px wide, top of the hair about 14 px from the top).".into(),
            ),
            Change::CroppedToShape => (
                "没有找到唯一的人脸，按照片中心裁剪成 358:441 的比例。".into(),
                "No single face was found, so the middle of the picture was cropped to 358:441.".into(),
            ),
            Change::Padded => (
                "照片边缘不够，用白色补齐。".into(),
                "The picture did not reach far enough, so the edge was filled with white.".into(),
            ),
            Change::Resized { from, to } => (
                format!("尺寸由 {}×{} 调整为 {}×{} 像素。", from.0, from.1, to.0, to.1),
                format!("Resized from {}×{} to {}×{} pixels.", from.0, from.1, to.0, to.1),
            ),
            Change::Brightened => ("把偏暗的照片调亮了。".into(), "Brightened the dark photo.".into()),
            Change::Converted { from } => (
                format!("由 {} 转换为 JPEG 格式。", from.name()),
                format!("Converted from {} to JPEG.", from.name()),
            ),
            Change::MetadataRemoved => (
                "去除了照片附带的信息（拍摄地点、时间、设备）。".into(),
                "Removed the information stored with the photo (location, time, camera).".into(),
            ),
            Change::Encoded { quality, bytes } => (
                format!("保存为 JPEG（质量 {quality}），{} KB。", bytes / 1024),
                format!("Saved as JPEG (quality {quality}), {} KB.", bytes / 1024),
            ),
        };
        Localized::new(zh, en)
    }
}

/// `{code, message: {zh, en}}`, as problems are shown.
impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let message = self.message();
        let mut st = s.serialize_struct("Change", 3)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &message)?;
        st.end()
    }
}
