//! Bilingual code lists used on the application form: ethnic groups (GB 3304-1991), occupations
//! (GB/T 6565-2015 major groups), Beijing districts and Guangdong prefecture-level cities.

use serde::Serialize;

/// One entry of a code list, with its Chinese name and an English rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Code {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn c(code: &'static str, zh: &'static str, en: &'static str) -> Code {
    Code { code, zh, en }
}

/// Code of the retired-person occupation. GB/T 6565 has no such group, but social security card
/// forms ask for it; a word cannot collide with the standard's numeric codes.
pub const RETIRED: &str = "retired";

/// The 56 ethnic groups of GB 3304-1991, codes "01".."56", English as romanised by the standard.
pub fn ethnic_groups() -> &'static [Code] {
    ETHNIC_GROUPS
}

/// The eight GB/T 6565-2015 major occupation groups, codes "1".."8", followed by [`RETIRED`].
pub fn occupations() -> &'static [Code] {
    OCCUPATIONS
}

/// The 16 districts of Beijing, keyed by their 6-digit GB/T 2260 code.
pub fn beijing_districts() -> &'static [Code] {
    BEIJING_DISTRICTS
}

/// The 21 prefecture-level cities of Guangdong, keyed by the first four digits of their
/// GB/T 2260 code.
pub fn guangdong_cities() -> &'static [Code] {
    GUANGDONG_CITIES
}

/// The entry of `list` with exactly this code.
pub fn find<'a>(list: &'a [Code], code: &str) -> Option<&'a Code> {
    list.iter().find(|c| c.code == code)
}

const ETHNIC_GROUPS: &[Code] = &[
    c("01", "汉族", "Han"),
    c("02", "蒙古族", "Mongol"),
    c("03", "回族", "Hui"),
    c("04", "藏族", "Zang"),
    c("05", "维吾尔族", "Uygur"),
    c("06", "苗族", "Miao"),
    c("07", "彝族", "Yi"),
    c("08", "壮族", "Zhuang"),
    c("09", "布依族", "Buyei"),
    c("10", "朝鲜族", "Chosen"),
    c("11", "满族", "Man"),
    c("12", "侗族", "Dong"),
    c("13", "瑶族", "Yao"),
    c("14", "白族", "Bai"),
    c("15", "土家族", "Tujia"),
    c("16", "哈尼族", "Hani"),
    c("17", "哈萨克族", "Kazak"),
    c("18", "傣族", "Dai"),
    c("19", "黎族", "Li"),
    c("20", "傈僳族", "Lisu"),
    c("21", "佤族", "Va"),
    c("22", "畲族", "She"),
    c("23", "高山族", "Gaoshan"),
    c("24", "拉祜族", "Lahu"),
    c("25", "水族", "Sui"),
    c("26", "东乡族", "Dongxiang"),
    c("27", "纳西族", "Naxi"),
    c("28", "景颇族", "Jingpo"),
    c("29", "柯尔克孜族", "Kirgiz"),
    c("30", "土族", "Tu"),
    c("31", "达斡尔族", "Daur"),
    c("32", "仫佬族", "Mulao"),
    c("33", "羌族", "Qiang"),
    c("34", "布朗族", "Blang"),
    c("35", "撒拉族", "Salar"),
    c("36", "毛南族", "Maonan"),
    c("37", "仡佬族", "Gelao"),
    c("38", "锡伯族", "Xibe"),
    c("39", "阿昌族", "Achang"),
    c("40", "普米族", "Pumi"),
    c("41", "塔吉克族", "Tajik"),
    c("42", "怒族", "Nu"),
    c("43", "乌孜别克族", "Uzbek"),
    c("44", "俄罗斯族", "Russ"),
    c("45", "鄂温克族", "Ewenki"),
    c("46", "德昂族", "Deang"),
    c("47", "保安族", "Bonan"),
    c("48", "裕固族", "Yugur"),
    c("49", "京族", "Gin"),
    c("50", "塔塔尔族", "Tatar"),
    c("51", "独龙族", "Derung"),
    c("52", "鄂伦春族", "Oroqen"),
    c("53", "赫哲族", "Hezhen"),
    c("54", "门巴族", "Monba"),
    c("55", "珞巴族", "Lhoba"),
    c("56", "基诺族", "Jino"),
];

const OCCUPATIONS: &[Code] = &[
    c(
        "1",
        "党的机关、国家机关、群众团体和社会组织、企事业单位负责人",
        "Heads of Party and state organs, mass organisations, social organisations, \
         enterprises and public institutions",
    ),
    c("2", "专业技术人员", "Professional and technical personnel"),
    c("3", "办事人员和有关人员", "Clerks and related personnel"),
    c("4", "社会生产服务和生活服务人员", "Production and consumer service personnel"),
    c(
        "5",
        "农、林、牧、渔业生产及辅助人员",
        "Agricultural, forestry, animal husbandry and fishery production and support personnel",
    ),
    c("6", "生产制造及有关人员", "Manufacturing and related personnel"),
    c("7", "军人", "Military personnel"),
    c("8", "不便分类的其他从业人员", "Other workers not classifiable by occupation"),
    c(RETIRED, "离退休人员", "Retired personnel"),
];

const BEIJING_DISTRICTS: &[Code] = &[
    c("110101", "东城区", "Dongcheng"),
    c("110102", "西城区", "Xicheng"),
    c("110105", "朝阳区", "Chaoyang"),
    c("110106", "丰台区", "Fengtai"),
    c("110107", "石景山区", "Shijingshan"),
    c("110108", "海淀区", "Haidian"),
    c("110109", "门头沟区", "Mentougou"),
    c("110111", "房山区", "Fangshan"),
    c("110112", "通州区", "Tongzhou"),
    c("110113", "顺义区", "Shunyi"),
    c("110114", "昌平区", "Changping"),
    c("110115", "大兴区", "Daxing"),
    c("110116", "怀柔区", "Huairou"),
    c("110117", "平谷区", "Pinggu"),
    c("110118", "密云区", "Miyun"),
    c("110119", "延庆区", "Yanqing"),
];

const GUANGDONG_CITIES: &[Code] = &[
    c("4401", "广州市", "Guangzhou"),
    c("4402", "韶关市", "Shaoguan"),
    c("4403", "深圳市", "Shenzhen"),
    c("4404", "珠海市", "Zhuhai"),
    c("4405", "汕头市", "Shantou"),
    c("4406", "佛山市", "Foshan"),
    c("4407", "江门市", "Jiangmen"),
    c("4408", "湛江市", "Zhanjiang"),
    c("4409", "茂名市", "Maoming"),
    c("4412", "肇庆市", "Zhaoqing"),
    c("4413", "惠州市", "Huizhou"),
    c("4414", "梅州市", "Meizhou"),
    c("4415", "汕尾市", "Shanwei"),
    c("4416", "河源市", "Heyuan"),
    c("4417", "阳江市", "Yangjiang"),
    c("4418", "清远市", "Qingyuan"),
    c("4419", "东莞市", "Dongguan"),
    c("4420", "中山市", "Zhongshan"),
    c("4451", "潮州市", "Chaozhou"),
    c("4452", "揭阳市", "Jieyang"),
    c("4453", "云浮市", "Yunfu"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions;
    use std::collections::HashSet;

    fn all_lists() -> [&'static [Code]; 4] {
        [ethnic_groups(), occupations(), beijing_districts(), guangdong_cities()]
    }

    #[test]
    fn counts() {
        let lens = all_lists().map(<[Code]>::len);
        assert_eq!(lens, [56, 9, 16, 21]);
    }

    #[test]
    fn codes_and_names_are_unique_and_filled() {
        for list in all_lists() {
            let codes: HashSet<_> = list.iter().map(|c| c.code).collect();
            let names: HashSet<_> = list.iter().map(|c| c.zh).collect();
            assert_eq!(codes.len(), list.len());
            assert_eq!(names.len(), list.len());
            assert!(list.iter().all(|c| !c.zh.is_empty() && !c.en.is_empty()));
        }
    }

    #[test]
    fn ethnic_codes_are_sequential() {
        for (i, group) in ethnic_groups().iter().enumerate() {
            assert_eq!(group.code, format!("{:02}", i + 1));
            assert!(group.zh.ends_with('族'), "{}", group.zh);
        }
        assert_eq!(find(ethnic_groups(), "01").unwrap().en, "Han");
        assert_eq!(find(ethnic_groups(), "56").unwrap().zh, "基诺族");
    }

    #[test]
    fn occupations_include_retired() {
        assert_eq!(find(occupations(), "2").unwrap().zh, "专业技术人员");
        assert_eq!(find(occupations(), RETIRED).unwrap().zh, "离退休人员");
        assert_eq!(find(occupations(), "9"), None);
    }

    #[test]
    fn beijing_districts_match_regions() {
        for d in beijing_districts() {
            let r = regions::lookup(d.code.parse().unwrap()).unwrap();
            assert!(r.is_current(), "{}", d.code);
            assert_eq!(r.name, d.zh);
        }
        let current: Vec<_> = regions::districts(110000).iter().map(|p| p.name).collect();
        let listed: Vec<_> = beijing_districts().iter().map(|d| d.zh).collect();
        assert_eq!(current, listed);
    }

    #[test]
    fn guangdong_cities_match_regions() {
        for city in guangdong_cities() {
            let code = city.code.parse::<u32>().unwrap() * 100;
            let r = regions::lookup(code).unwrap();
            assert!(r.is_current(), "{}", city.code);
            assert_eq!(r.name, city.zh);
        }
        let current: Vec<_> = regions::cities(440000).iter().map(|p| p.name).collect();
        let listed: Vec<_> = guangdong_cities().iter().map(|c| c.zh).collect();
        assert_eq!(current, listed);
    }
}
