//! The reference agency server. CONTRACT (to be implemented):
//!
//! pub struct Config { data_dir, tokens, status_step, faults }
//! pub struct Faults { seed, error_rate, throttle_rate, slow_rate, slow }
//! pub async fn start(config: Config, addr: SocketAddr) -> Result<Running, Error>
//! Running { addr(), token(), shutdown().await }
