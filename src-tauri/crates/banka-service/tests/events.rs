//! The window is told, it does not ask on a timer: the background sender announces each case it
//! moves on (claimed, sent) and its own changes (started, refused), through `Agency::events`.

#[path = "../../banka-agency/tests/common/mod.rs"]
mod common;

use std::time::Duration;

use banka_agency::server::Faults;
use banka_cases::Status;
use banka_service::agency::Sending;
use banka_service::{Agency, AgencyChange, AgencyEvent, SenderState};
use common::*;
use tokio::sync::broadcast::Receiver;

/// The next event, or a failure after a while.
async fn next(events: &mut Receiver<AgencyEvent>) -> AgencyEvent {
    tokio::time::timeout(Duration::from_secs(60), events.recv()).await.expect("an event comes").expect("open")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sender_announces_each_case_it_moves_on_and_its_own_stop() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = server(agency_dir.path(), Faults::default(), Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    let agency = Agency::default();
    let mut events = agency.events();

    let change = AgencyChange { endpoint: Some(server.url()), token: Some(TOKEN.into()), training: false };
    agency.change(&store, change, Sending::InBackground).await.unwrap();
    assert_eq!(next(&mut events).await, AgencyEvent::SenderChanged, "started");
    let id = queued_case(&store, 1, 30_000).await;
    agency.wake();
    let mut told = 0;
    while store.summary(&id).await.unwrap().status != Status::Submitted || told < 2 {
        assert_eq!(next(&mut events).await, AgencyEvent::CaseChanged { id: id.clone() });
        told += 1;
    }
    assert_eq!(told, 2, "claimed, then sent");
    assert_eq!(agency.outbox_state(&store).await.unwrap().sender, SenderState::Running);

    // A token the agency refuses stops the sender, and the window is told.
    let wrong = AgencyChange { endpoint: Some(server.url()), token: Some("wrong".into()), training: false };
    agency.change(&store, wrong, Sending::InBackground).await.unwrap();
    assert_eq!(next(&mut events).await, AgencyEvent::SenderChanged, "restarted");
    let second = queued_case(&store, 2, 30_000).await;
    agency.wake();
    loop {
        match next(&mut events).await {
            AgencyEvent::CaseChanged { id } => assert_eq!(id, second),
            AgencyEvent::SenderChanged => break,
            AgencyEvent::Missed => panic!("nothing was missed"),
        }
    }
    let state = agency.outbox_state(&store).await.unwrap();
    assert_eq!(state.sender, SenderState::Unauthorized, "{state:?}");
    assert!(state.problem.is_some_and(|p| p.en.contains("token")), "the token is named");
    agency.stop().await;
}
