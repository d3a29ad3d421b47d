-- footprint-module: the device view ("mon équipement"), outside the regulated scope (regulation.md sections 1 and 4).
-- Values are kept exactly as published (unconstrained NUMERIC). A catalogue row is never edited: a new value of a
-- model is a new row with its own model_id and source, so a figure once shown can be computed again.
CREATE TABLE device_model (
    model_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    name_fr              VARCHAR(200) NOT NULL,
    name_en              VARCHAR(200) NOT NULL,
    manufacture_kg_co2e  NUMERIC      NOT NULL CHECK (manufacture_kg_co2e >= 0),
    use_kg_co2e_per_year NUMERIC      NOT NULL CHECK (use_kg_co2e_per_year >= 0),
    lifetime_years       NUMERIC      NOT NULL CHECK (lifetime_years > 0),
    source               TEXT         NOT NULL
);

-- The devices the operator says a subscriber has (feed or API); the list of a subscriber is replaced as a whole.
CREATE TABLE subscriber_device (
    subscriber_id VARCHAR(64) NOT NULL,
    device_id     VARCHAR(64) NOT NULL,
    model_id      VARCHAR(64) NOT NULL REFERENCES device_model (model_id),
    acquired_on   DATE        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscriber_id, device_id)
);

INSERT INTO device_model (model_id, name_fr, name_en, manufacture_kg_co2e, use_kg_co2e_per_year, lifetime_years,
                          source) VALUES
    ('smartphone', 'Smartphone', 'Smartphone', 85.1, 0.2, 2.5,
     'Étude ADEME-Arcep via Impact CO2 (impactco2.fr), valeurs de 2026-07 (fabrication 26,2 kg éqCO2 en 2022). '
         || 'Autre source : API Boavizta (Base IMPACTS ADEME), fabrication 84,0 kg éqCO2.'),
    ('internet-box', 'Box internet', 'Internet box', 61.4, 4.2, 5,
     'Étude ADEME-Arcep via Impact CO2 (impactco2.fr), valeurs de 2026-07. '
         || 'Autre source : API Boavizta (Base IMPACTS ADEME), fabrication 36,1 kg éqCO2.'),
    ('television', 'Téléviseur', 'Television', 375.8, 11.6, 8,
     'Étude ADEME-Arcep via Impact CO2 (impactco2.fr), valeurs de 2026-07.');
