require_relative "helper"
puts Helper.answer
