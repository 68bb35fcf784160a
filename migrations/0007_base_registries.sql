-- Base registries (基础库) owned by their agencies and read by unified identity (统一认证):
--   population.resident  人口基础库 (public security): synthetic residents for three-factor verification;
--   legalpersons.entity  法人基础库 (market regulation): synthetic legal persons and their representatives.
-- Identifying numbers are stored only as keyed hashes (HMAC-SHA256, hex): the tables can answer
-- "does this number belong to this person?" but cannot list anyone's ID number, phone or card.

CREATE SCHEMA IF NOT EXISTS population;

CREATE TABLE population.resident (
  id                        int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                      text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  id_number_hash            text NOT NULL UNIQUE,
  phone_hash                text,
  bank_card_hash            text,
  social_security_card_hash text,
  household_address         text NOT NULL,
  division_code             text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
  birth_date                date NOT NULL,
  sex                       text NOT NULL CHECK (sex IN ('male', 'female'))
);

CREATE SCHEMA IF NOT EXISTS legalpersons;

CREATE TABLE legalpersons.entity (
  id                                int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  uscc                              text NOT NULL UNIQUE CHECK (uscc ~ '^[0-9A-Z]{18}$'),
  type                              text NOT NULL CHECK (type IN ('limited_company', 'joint_stock_company', 'partnership', 'sole_proprietorship')),
  representative_name               text NOT NULL,
  representative_id_number_hash     text NOT NULL,
  registered_address                text NOT NULL,
  division_code                     text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
  status                            text NOT NULL CHECK (status IN ('active', 'cancelled')),
  established_on                    date NOT NULL
);

-- A representative's companies (the identity module lists what a person may act for).
CREATE INDEX entity_representative_idx ON legalpersons.entity (representative_id_number_hash);
