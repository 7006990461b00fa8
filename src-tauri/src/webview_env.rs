//! What the WebKit processes inherit from the app before they start: settings that make the
//! page cost less memory. Set from `main` before any thread or window exists.

use std::path::Path;

/// The system's fontconfig configuration, which ours includes whole.
const SYSTEM_FONTS_CONF: &str = "/etc/fonts/fonts.conf";

/// Everything the system configures, plus one rule: bold text in the Chinese face is drawn from
/// its regular face and emboldened by WebKit, so the bold face's file (about 8 MB mapped, and
/// its tables on the heap) is never loaded. The Latin text of the page is in the same face.
fn fonts_conf() -> String {
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include>{SYSTEM_FONTS_CONF}</include>
  <match target="pattern">
    <test name="family" compare="eq"><string>Noto Sans CJK SC</string></test>
    <test name="weight" compare="more_eq"><const>demibold</const></test>
    <edit name="weight" mode="assign"><const>regular</const></edit>
  </match>
</fontconfig>
"#
    )
}

pub fn prepare(data_dir: &Path) {
    // The page is a small form: JavaScriptCore's JIT costs more memory than it saves time, and
    // without it the web process has no writable-executable memory (less to attack).
    std::env::set_var("JSC_useJIT", "0");
    if cfg!(target_os = "linux") {
        use_fonts_conf(data_dir);
    }
}

/// Points fontconfig at our configuration, unless the person has chosen their own or the
/// system's is not where ours includes it from (then nothing changes).
fn use_fonts_conf(data_dir: &Path) {
    if std::env::var_os("FONTCONFIG_FILE").is_some() || !Path::new(SYSTEM_FONTS_CONF).exists() {
        return;
    }
    let (file, wanted) = (data_dir.join("fonts.conf"), fonts_conf());
    let current = std::fs::read_to_string(&file).is_ok_and(|text| text == wanted);
    if current || (std::fs::create_dir_all(data_dir).is_ok() && std::fs::write(&file, &wanted).is_ok()) {
        std::env::set_var("FONTCONFIG_FILE", file);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// Fontconfig itself reads the file: bold in the Chinese face comes from the regular face's
    /// file, and every other family resolves as the system has it.
    #[test]
    fn bold_chinese_text_is_served_by_the_regular_face() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("fonts.conf");
        std::fs::write(&file, fonts_conf()).unwrap();
        let matched = |pattern: &str, conf: Option<&Path>| {
            let mut fc_match = std::process::Command::new("fc-match");
            fc_match.args(["--format=%{file}", pattern]);
            if let Some(conf) = conf {
                fc_match.env("FONTCONFIG_FILE", conf);
            }
            String::from_utf8(fc_match.output().expect("fc-match (fontconfig) on PATH").stdout).unwrap()
        };
        let regular = matched("Noto Sans CJK SC", None);
        assert!(regular.contains("NotoSansCJK-Regular"), "the CJK font is installed (fonts-noto-cjk): {regular}");
        assert_eq!(matched("Noto Sans CJK SC:bold", Some(&file)), regular);
        assert_ne!(matched("Noto Sans CJK SC:bold", None), regular, "without it, the bold face's own file");
        assert_eq!(matched("DejaVu Sans:bold", Some(&file)), matched("DejaVu Sans:bold", None));
    }
}
