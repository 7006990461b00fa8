//! What can go wrong with the case store, each with a stable code and a message in Chinese and
//! English that says what to do. Messages never carry personal data or a passphrase.

use std::fmt;

use banka_rules::Localized;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no key: set BANKA_PASSPHRASE or unlock the data folder")]
    NoKey,
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("passphrase too short")]
    WeakPassphrase,
    #[error("passphrase too long")]
    LongPassphrase,
    #[error("the key file is missing or damaged: {}", .0.en)]
    KeyFile(Localized),
    #[error("no case {0}")]
    NoCase(String),
    #[error("unknown flow {0}")]
    UnknownFlow(String),
    #[error("{path} is not a field of {flow}")]
    UnknownField { flow: String, path: String },
    #[error("{field}: {}", message.en)]
    BadValue { field: String, message: Localized },
    #[error("case is {status}, not a draft")]
    NotEditable { status: String },
    /// The field is locked (the agency's data, or an answer confirmed): its reason says why.
    #[error("{field} is locked")]
    Locked { field: String, reason: Localized },
    #[error("case cannot go from {from} to {to}")]
    BadTransition { from: String, to: String },
    #[error("case is not ready")]
    NotReady { errors: usize },
    #[error("a reason is needed")]
    ReasonRequired,
    #[error("the case is being sent")]
    BeingSent,
    #[error("bad bundle: {}", .0.en)]
    BadBundle(Localized),
    #[error("bad document: {}", .0.en)]
    BadDocument(Localized),
    /// The picture is already the case's document of another kind (the same photo cannot be
    /// both sides of an ID card).
    #[error("the same picture is already the {}", other.name())]
    SamePicture { other: banka_flows::vocabulary::DocumentKind },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the store can refuse or fail with: a closed set, one code per kind of error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StoreCode"))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    NoKey,
    WrongPassphrase,
    WeakPassphrase,
    LongPassphrase,
    KeyFile,
    NoCase,
    UnknownFlow,
    UnknownField,
    BadValue,
    NotEditable,
    LockedField,
    BadTransition,
    NotReady,
    ReasonRequired,
    BeingSent,
    BadBundle,
    BadDocument,
    SamePicture,
    DiskFull,
    StoreDamaged,
    Database,
    Io,
}

/// An error as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Explained {
    pub code: Code,
    pub message: Localized,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl fmt::Display for Explained {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message.zh, self.message.en)
    }
}

impl Error {
    pub fn code(&self) -> Code {
        match self {
            Error::NoKey => Code::NoKey,
            Error::WrongPassphrase => Code::WrongPassphrase,
            Error::WeakPassphrase => Code::WeakPassphrase,
            Error::LongPassphrase => Code::LongPassphrase,
            Error::KeyFile(_) => Code::KeyFile,
            Error::NoCase(_) => Code::NoCase,
            Error::UnknownFlow(_) => Code::UnknownFlow,
            Error::UnknownField { .. } => Code::UnknownField,
            Error::BadValue { .. } => Code::BadValue,
            Error::NotEditable { .. } => Code::NotEditable,
            Error::Locked { .. } => Code::LockedField,
            Error::BadTransition { .. } => Code::BadTransition,
            Error::NotReady { .. } => Code::NotReady,
            Error::ReasonRequired => Code::ReasonRequired,
            Error::BeingSent => Code::BeingSent,
            Error::BadBundle(_) => Code::BadBundle,
            Error::BadDocument(_) => Code::BadDocument,
            Error::SamePicture { .. } => Code::SamePicture,
            Error::Database(e) if is_disk_full(e) => Code::DiskFull,
            Error::Database(e) if is_damaged(e) => Code::StoreDamaged,
            Error::Database(_) | Error::Migration(_) => Code::Database,
            Error::Io(_) => Code::Io,
        }
    }

    pub fn explain(&self) -> Explained {
        let (zh, en): (String, String) = match self {
            Error::NoKey => (
                "数据已加密，需要口令：请在应用中解锁，或设置环境变量 BANKA_PASSPHRASE。".into(),
                "The data is encrypted and needs its passphrase: unlock it in the app or set BANKA_PASSPHRASE."
                    .into(),
            ),
            Error::WrongPassphrase => (
                "口令不正确，请重新输入（注意大小写）。".into(),
                "The passphrase is wrong. Type it again (it is case-sensitive).".into(),
            ),
            Error::WeakPassphrase => (
                format!("口令太短：请至少使用 {} 个字符。", crate::keys::MIN_PASSPHRASE_CHARS),
                format!("The passphrase is too short: use at least {} characters.", crate::keys::MIN_PASSPHRASE_CHARS),
            ),
            Error::LongPassphrase => (
                format!("口令太长：最多 {} 个字符。", crate::keys::MAX_PASSPHRASE_CHARS),
                format!("The passphrase is too long: use at most {} characters.", crate::keys::MAX_PASSPHRASE_CHARS),
            ),
            Error::KeyFile(why) => (
                format!("数据文件夹的密钥文件缺失或已损坏（{}），无法解密。请从备份恢复 key.json。", why.zh),
                format!("The data folder's key file is missing or damaged ({}), so nothing can be decrypted. Restore key.json from a backup.", why.en),
            ),
            Error::NoCase(id) => (format!("找不到案件 {id}，请检查编号。"), format!("There is no case {id}. Check the id.")),
            Error::UnknownFlow(id) => (
                format!("没有“{id}”这个申领流程，请用 banka flow list 查看可用流程。"),
                format!("There is no flow “{id}”. See banka flow list for the flows."),
            ),
            Error::UnknownField { flow, path } => (
                format!("{path} 不是流程 {flow} 的字段，请核对字段名（见 docs/flows.md）。"),
                format!("{path} is not a field of the flow {flow}. Check the field path (see docs/flows.md)."),
            ),
            Error::BadValue { message, .. } => (message.zh.clone(), message.en.clone()),
            Error::NotEditable { status } => (
                format!("案件状态为 {status}，不能修改。如需修改，请先退回草稿并说明原因。"),
                format!("The case is {status} and cannot be changed. Reopen it as a draft, with a reason, first."),
            ),
            Error::Locked { reason, .. } => (
                format!("这一项不能修改：{}", reason.zh),
                format!("This answer cannot be changed: {}", reason.en),
            ),
            Error::BadTransition { from, to } => (
                format!("案件不能从 {from} 变为 {to}。"),
                format!("A case cannot go from {from} to {to}."),
            ),
            Error::NotReady { errors } => (
                format!("案件还有 {errors} 处需要补充或更正，全部完成后才能定稿。"),
                format!("The case still has {errors} answer(s) to give or correct before it can be finalized."),
            ),
            Error::ReasonRequired => (
                "退回已定稿的案件时须说明原因。".into(),
                "Reopening a finalized case needs a reason.".into(),
            ),
            Error::BeingSent => (
                "这件申请正在发送给经办机构，现在不能删除。请等发送结束（几秒到几分钟）后再试。".into(),
                "This application is being sent to the agency and cannot be deleted now. Try again once sending has finished (seconds to minutes).".into(),
            ),
            Error::BadBundle(why) => (
                format!("案件包无法导入：{}。未导入任何内容，请向对方重新索取文件。", why.zh),
                format!("The case bundle cannot be imported: {}. Nothing was imported; ask for the file again.", why.en),
            ),
            Error::BadDocument(why) => (format!("文件无法保存：{}。", why.zh), format!("The file cannot be stored: {}.", why.en)),
            Error::SamePicture { other } => {
                let (zh, en) = other.label();
                (
                    format!("这张图片已作为“{zh}”上传。每份材料请上传各自的照片。"),
                    format!("This picture is already uploaded as the {en}. Upload a separate photo for each document."),
                )
            }
            Error::Database(e) if is_disk_full(e) => (
                "磁盘已满，本次修改未保存（之前保存的内容都在）。请腾出空间后重试。".into(),
                "The disk is full, so this change was not saved (everything saved before is safe). Free some space and try again.".into(),
            ),
            // Not "everything saved before is safe": part of it may not be readable any more.
            Error::Database(e) if is_damaged(e) => (
                "数据库文件已损坏，之前保存的部分内容可能无法读取。请不要再修改，运行“banka check”查看受影响的案件，并用最近的备份或导出的案件包恢复。".into(),
                "The database file is damaged, and some of what was saved before may not be readable. Make no further changes: run `banka check` to see which cases are affected, and restore them from the latest backup or exported bundle.".into(),
            ),
            Error::Database(_) | Error::Migration(_) => (
                "数据库出错，本次修改未保存（之前保存的内容都在）。请重试；如仍出错，请联系技术支持。".into(),
                "A database error stopped this change (everything saved before is safe). Try again; if it persists, contact support.".into(),
            ),
            Error::Io(e) => {
                let why = io_reason(e.kind());
                (format!("读写文件出错（{}）。", why.zh), format!("A file could not be read or written ({}).", why.en))
            }
        };
        let field = match self {
            Error::UnknownField { path, .. } => Some(path.clone()),
            Error::BadValue { field, .. } | Error::Locked { field, .. } => Some(field.clone()),
            _ => None,
        };
        Explained { code: self.code(), message: Localized::new(zh, en), field }
    }
}

/// What went wrong with a file, in words (the system's own message is in one language only).
fn io_reason(kind: std::io::ErrorKind) -> Localized {
    use std::io::ErrorKind::*;
    let (zh, en) = match kind {
        NotFound => ("找不到文件", "the file is not there"),
        PermissionDenied => ("没有读写权限", "permission denied"),
        StorageFull => ("磁盘已满", "the disk is full"),
        ReadOnlyFilesystem => ("磁盘只读", "the disk is read-only"),
        AlreadyExists => ("文件已存在", "the file already exists"),
        UnexpectedEof | InvalidData => ("文件不完整或已损坏", "the file is incomplete or damaged"),
        _ => ("系统错误", "a system error"),
    };
    Localized::new(zh, en)
}

/// SQLITE_CORRUPT (a page fails SQLCipher's HMAC, or the structure is broken) or SQLITE_NOTADB.
pub(crate) fn is_damaged(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if matches!(d.code().as_deref(), Some("11" | "26")))
}

fn is_disk_full(e: &sqlx::Error) -> bool {
    // SQLITE_FULL (13): the write was refused whole; the transaction rolled back.
    matches!(e, sqlx::Error::Database(d) if d.code().as_deref() == Some("13"))
}
