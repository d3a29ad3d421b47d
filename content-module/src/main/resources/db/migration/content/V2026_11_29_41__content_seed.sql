-- content-module seed: the ten ADEME Impact CO2 equivalences (regulation.md section 3, values at 2026-07), eight
-- eco-tips on the themes of regulation.md section 5, and survey version 1; all published as version 1 by 'seed'.
CREATE TEMPORARY TABLE seed_equivalence (
    item_key VARCHAR(64), fr_s VARCHAR(200), fr_p VARCHAR(200), en_s VARCHAR(200), en_p VARCHAR(200),
    kg NUMERIC, unit VARCHAR(40)
) ON COMMIT DROP;
INSERT INTO seed_equivalence VALUES
    ('car-thermal', 'km en voiture thermique', 'km en voiture thermique', 'km by petrol or diesel car', 'km by petrol or diesel car', 0.2176, 'km'),
    ('car-electric', 'km en voiture électrique', 'km en voiture électrique', 'km by electric car', 'km by electric car', 0.1034, 'km'),
    ('train-tgv', 'km en TGV', 'km en TGV', 'km by high-speed train (TGV)', 'km by high-speed train (TGV)', 0.00293, 'passenger-km'),
    ('bus-thermal', 'km en bus thermique', 'km en bus thermique', 'km by diesel bus', 'km by diesel bus', 0.1224, 'passenger-km'),
    ('meal-beef', 'repas avec du bœuf', 'repas avec du bœuf', 'beef meal', 'beef meals', 7.26, 'meal'),
    ('meal-vegetarian', 'repas végétarien', 'repas végétariens', 'vegetarian meal', 'vegetarian meals', 0.51, 'meal'),
    ('video-streaming', 'heure de streaming vidéo', 'heures de streaming vidéo', 'hour of video streaming', 'hours of video streaming', 0.064, 'hour'),
    ('email', 'e-mail envoyé', 'e-mails envoyés', 'email sent', 'emails sent', 0.0025, 'email'),
    ('tshirt-cotton', 'T-shirt en coton', 'T-shirts en coton', 'cotton T-shirt', 'cotton T-shirts', 6.43, 'item'),
    ('flight-paris-new-york', 'aller-retour Paris–New York en avion', 'allers-retours Paris–New York en avion', 'Paris–New York return flight', 'Paris–New York return flights', 2060, 'trip');

INSERT INTO content_item (kind, item_key) SELECT 'EQUIVALENCE', item_key FROM seed_equivalence;
INSERT INTO content_version (item_id, version, status, created_by, status_changed_by)
SELECT i.item_id, 1, 'PUBLISHED', 'seed', 'seed'
FROM content_item i JOIN seed_equivalence s ON s.item_key = i.item_key AND i.kind = 'EQUIVALENCE';
INSERT INTO equivalence_version (item_id, version, label_fr_singular, label_fr_plural, label_en_singular,
                                 label_en_plural, kg_co2e_per_unit, unit, source, valid_from)
SELECT i.item_id, 1, s.fr_s, s.fr_p, s.en_s, s.en_p, s.kg, s.unit,
       'ADEME Impact CO2 (impactco2.fr), values at 2026-07', DATE '2026-07-01'
FROM content_item i JOIN seed_equivalence s ON s.item_key = i.item_key AND i.kind = 'EQUIVALENCE';

CREATE TEMPORARY TABLE seed_tip (
    item_key VARCHAR(64), text_fr VARCHAR(2000), text_en VARCHAR(2000), line_type VARCHAR(8),
    technologies VARCHAR(64), min_monthly_go NUMERIC, saving_basis VARCHAR(16), volume_share NUMERIC
) ON COMMIT DROP;
INSERT INTO seed_tip VALUES
    ('wifi-at-home',
     '**Chez vous, passez en Wi-Fi.** À la maison, connectez votre téléphone à votre box : les données ne passent plus par le réseau mobile. Estimation pour la moitié de votre volume mobile.',
     '**At home, switch to Wi-Fi.** Connect your phone to your home box: the data no longer goes through the mobile network. Estimate for half of your mobile volume.',
     'MOBILE', '4G,5G', 20, 'VOLUME_SHARE', 0.5),
    ('video-resolution',
     '**Baissez la résolution des vidéos** sur votre téléphone : une vidéo en définition standard consomme bien moins de données qu''en HD. Estimation pour 30 % de votre volume mobile.',
     '**Lower the video resolution** on your phone: standard definition uses far less data than HD. Estimate for 30 % of your mobile volume.',
     'MOBILE', '', 5, 'VOLUME_SHARE', 0.3),
    ('download-not-stream',
     '**Téléchargez plutôt que de regarder en boucle en streaming** ce que vous écoutez ou regardez souvent, de préférence en Wi-Fi. Estimation pour 10 % de votre volume mobile.',
     '**Download rather than stream again and again** what you often listen to or watch, preferably over Wi-Fi. Estimate for 10 % of your mobile volume.',
     'MOBILE', '', 5, 'VOLUME_SHARE', 0.1),
    ('autoplay-off',
     '**Désactivez la lecture automatique des vidéos** dans vos applications et réseaux sociaux. Estimation pour 10 % de votre volume mobile.',
     '**Turn off video autoplay** in your apps and social networks. Estimate for 10 % of your mobile volume.',
     'MOBILE', '', NULL, 'VOLUME_SHARE', 0.1),
    ('box-off-when-away',
     '**Éteignez votre box quand vous partez** plutôt que de la laisser en veille. Selon l''Arcep (2024), 95 % de la consommation d''une box et d''un décodeur ne dépend pas de l''usage : éteinte, elle ne consomme plus rien.',
     '**Switch your box off when you are away** rather than leaving it on standby. According to Arcep (2024), 95 % of the energy of a box and a set-top box does not depend on use: switched off, it uses nothing.',
     'FIXED', '', NULL, 'LINE_FLAT', NULL),
    ('keep-phone-longer',
     '**Gardez votre téléphone plus longtemps**, ou achetez-le reconditionné : sa fabrication représente environ 85 kg éqCO2 (étude ADEME-Arcep, via Impact CO2), bien plus que son usage.',
     '**Keep your phone longer**, or buy it refurbished: making it emits about 85 kg CO2e (ADEME-Arcep study, via Impact CO2), far more than using it.',
     'MOBILE', '', NULL, 'OUTSIDE_METHOD', NULL),
    ('keep-screens-longer',
     '**Gardez vos écrans et votre box plus longtemps**, ou achetez reconditionné : la fabrication d''un téléviseur représente environ 376 kg éqCO2 (étude ADEME-Arcep, via Impact CO2).',
     '**Keep your screens and box longer**, or buy refurbished: making a television emits about 376 kg CO2e (ADEME-Arcep study, via Impact CO2).',
     'FIXED', '', NULL, 'OUTSIDE_METHOD', NULL);

INSERT INTO content_item (kind, item_key) SELECT 'TIP', item_key FROM seed_tip;
INSERT INTO content_version (item_id, version, status, created_by, status_changed_by)
SELECT i.item_id, 1, 'PUBLISHED', 'seed', 'seed'
FROM content_item i JOIN seed_tip s ON s.item_key = i.item_key AND i.kind = 'TIP';
INSERT INTO tip_version (item_id, version, text_fr, text_en, line_type, technologies, min_monthly_go, saving_basis,
                         volume_share)
SELECT i.item_id, 1, s.text_fr, s.text_en, s.line_type, s.technologies, s.min_monthly_go, s.saving_basis,
       s.volume_share
FROM content_item i JOIN seed_tip s ON s.item_key = i.item_key AND i.kind = 'TIP';

INSERT INTO survey_version (version, created_by) VALUES (1, 'seed');
INSERT INTO survey_question (survey_version, position, text_fr, text_en) VALUES
    (1, 1, 'Les informations de cette page sont-elles claires ?', 'Is the information on this page clear?'),
    (1, 2, 'Les équivalences vous aident-elles à vous représenter votre empreinte ?',
     'Do the equivalences help you picture your footprint?'),
    (1, 3, 'Les conseils vous semblent-ils applicables chez vous ?', 'Do the tips seem practical for you?');
