//! One person, one card (G3): a person's cards from other Guangdong cities (`POST /v1/cards`)
//! and cleaning them up when a `gd-card-cleanup` case is accepted.

use axum::extract::State;
use axum::Json;
use banka_rules::codes::{find, guangdong_cities};
use banka_rules::{Field, ValueKind};
use sqlx::{SqliteConnection, SqlitePool};

use super::eligibility::{checked_number, required};
use super::failure::{Api, Failure};
use super::{demo, AppState};
use crate::api::{Card, Cards, PersonRequest};

/// The person's cards that are not cleaned up yet.
pub async fn open_cards(pool: &SqlitePool, id_number: &str) -> Result<Vec<Card>, sqlx::Error> {
    let Some(record) = demo::find(id_number) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for card in record.cards {
        let cleaned: Option<String> = sqlx::query_scalar("SELECT card_id FROM cleaned_cards WHERE card_id = ?")
            .bind(card.id)
            .fetch_optional(pool)
            .await?;
        if cleaned.is_none() {
            out.push(Card {
                id: card.id.to_owned(),
                card_number_masked: banka_cases::mask::id_number(card.number),
                city: card.city.to_owned(),
                city_name: find(guangdong_cities(), card.city).map_or("", |c| c.zh).to_owned(),
                bank: card.bank.to_owned(),
                status_zh: "正常".into(),
                status_en: "In use".into(),
            });
        }
    }
    Ok(out)
}

/// The number of whoever owns these cards (a cleanup case names its cards, not its person).
pub fn owner_of(card_ids: &[String]) -> Option<&'static str> {
    let owner = demo::card_owner(card_ids.first()?)?;
    card_ids
        .iter()
        .all(|id| demo::card_owner(id).is_some_and(|o| o.person == owner.person))
        .then_some(owner.person.id_number)
}

/// The effect of an accepted `gd-card-cleanup` case.
pub async fn clean(conn: &mut SqliteConnection, card_ids: &[String], case_id: &str) -> Result<(), sqlx::Error> {
    for id in card_ids {
        sqlx::query("INSERT OR IGNORE INTO cleaned_cards (card_id, case_id) VALUES (?, ?)")
            .bind(id)
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// `POST /v1/cards`: none for a name that is not the number's.
pub async fn list(
    State(state): State<AppState>,
    Api(Json(req)): Api<Json<PersonRequest>>,
) -> Result<Json<Cards>, Failure> {
    required(&req.name, "name", Field::new("姓名", "name"))?;
    let number = checked_number(ValueKind::SocialSecurityNumber, &req.id_number, "id_number")?;
    let owner = demo::find(&number).is_some_and(|r| r.person.name == req.name.trim());
    let cards = if owner { open_cards(&state.pool, &number).await? } else { Vec::new() };
    Ok(Json(Cards { cards }))
}
