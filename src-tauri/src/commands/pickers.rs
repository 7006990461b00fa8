//! What the wizard's pickers offer: the province/city/district cascade (GB/T 2260, current
//! divisions) and the agency's bank branches of a district, searchable by part of the name or
//! its pinyin initials. The matching is ours (`banka_rules::search`), so it does not depend on
//! how well the agency searches.

use banka_agency::api::Directory;
use banka_rules::regions::{self, Place};
use banka_rules::search::Searchable;
use serde::Serialize;
use tauri::State;

use crate::IpcError;
use banka_service::Agency;

/// The three lists of the region cascade for a selection, and the selection itself.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RegionChoices {
    pub provinces: Vec<Place>,
    /// Empty until a province is chosen.
    pub cities: Vec<Place>,
    /// Empty until a city is chosen.
    pub districts: Vec<Place>,
    pub province: Option<u32>,
    pub city: Option<u32>,
}

/// The lists for a province and city chosen so far; or, given `code` (a saved district), the
/// province and city it is in, so the picker opens where the answer is.
#[tauri::command]
pub fn region_choices(code: Option<String>, province: Option<u32>, city: Option<u32>) -> RegionChoices {
    let (province, city) = match code.and_then(|c| c.trim().parse::<u32>().ok()) {
        Some(code) => {
            let province = code / 10_000 * 10_000;
            let city = regions::cities(province)
                .into_iter()
                .find(|c| regions::districts(c.code).iter().any(|d| d.code == code))
                .map(|c| c.code);
            (Some(province), city)
        }
        None => (province, city),
    };
    let cities = province.map(regions::cities).unwrap_or_default();
    // A city from another province (the province was changed) is no longer chosen.
    let city = city.filter(|c| cities.iter().any(|p| p.code == *c));
    let districts = city.map(regions::districts).unwrap_or_default();
    RegionChoices { provinces: regions::provinces(), cities, districts, province, city }
}

/// The agency's banks and branches of a district or city, the branches matching `q` (parts of
/// the name or address, pinyin, initials: "zql" finds 站前路支行).
#[tauri::command]
pub async fn bank_branches(region: String, q: String, agency: State<'_, Agency>) -> Result<Directory, IpcError> {
    let mut directory = agency.client().await?.banks(&region, None).await.map_err(IpcError::from)?;
    directory.branches.retain(|b| Searchable::new(&b.name).matches(&q) || Searchable::new(&b.address).matches(&q));
    Ok(directory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_district_opens_the_cascade_where_it_is() {
        let c = region_choices(Some("440106".into()), None, None);
        assert_eq!((c.province, c.city), (Some(440000), Some(440100)));
        assert!(c.districts.iter().any(|d| d.code == 440106 && d.name == "天河区"));
        // A municipality has one city entry, itself.
        let c = region_choices(Some("110105".into()), None, None);
        assert_eq!((c.province, c.city), (Some(110000), Some(110000)));
        assert!(c.districts.iter().any(|d| d.code == 110105));
    }

    #[test]
    fn lists_follow_the_choices_made_so_far() {
        let c = region_choices(None, None, None);
        assert!(c.provinces.len() > 30 && c.cities.is_empty() && c.districts.is_empty());
        let c = region_choices(None, Some(440000), None);
        assert!(c.cities.iter().any(|p| p.name == "广州市") && c.districts.is_empty());
        // The province changed under a chosen city: the city is dropped.
        let c = region_choices(None, Some(110000), Some(440100));
        assert_eq!(c.city, None);
        assert!(c.districts.is_empty());
    }
}
